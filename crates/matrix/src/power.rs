//! The rooms' power levels, read from the state store once per room and kept until a sync brings an
//! `m.room.power_levels` event for that room, rather than read and deserialised again for every command.
//!
//! A read that started before an invalidation is not kept: each room has a generation, bumped by every
//! invalidation, and a read stores its result only if the generation is still the one it started with.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use matrix_sdk::Room;
use matrix_sdk::ruma::events::AnySyncStateEvent;
use matrix_sdk::ruma::events::room::power_levels::{RoomPowerLevels, UserPowerLevel};
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{OwnedRoomId, RoomId, UserId};
use matrix_sdk::sync::JoinedRoomUpdate;

#[derive(Default)]
pub struct PowerLevels {
    // std lock: held only to look up or store, never across an `.await`.
    rooms: Mutex<HashMap<OwnedRoomId, Entry>>,
}

#[derive(Default)]
struct Entry {
    generation: u64,
    levels: Option<Arc<RoomPowerLevels>>,
}

impl PowerLevels {
    /// `user`'s power level in `room`; `None` when the room's power levels cannot be read.
    pub async fn of(&self, room: &Room, user: &UserId) -> Option<i64> {
        let generation = {
            let mut rooms = self.lock();
            let entry = rooms.entry(room.room_id().to_owned()).or_default();
            if let Some(levels) = &entry.levels {
                return Some(level(levels.for_user(user)));
            }
            entry.generation
        };
        let levels = Arc::new(room.power_levels().await.ok()?);
        let level = level(levels.for_user(user));
        let mut rooms = self.lock();
        let entry = rooms.entry(room.room_id().to_owned()).or_default();
        if entry.generation == generation {
            entry.levels = Some(levels);
        }
        Some(level)
    }

    /// Forgets `room`'s power levels: they changed, or the bot left.
    pub fn invalidate(&self, room: &RoomId) {
        let mut rooms = self.lock();
        let entry = rooms.entry(room.to_owned()).or_default();
        entry.generation += 1;
        entry.levels = None;
    }

    /// Forgets the power levels of the room `update` is for if it changes them.
    pub fn update(&self, room: &RoomId, update: &JoinedRoomUpdate) {
        let state = match &update.state {
            matrix_sdk::sync::State::Before(events) | matrix_sdk::sync::State::After(events) => events,
        };
        let timeline = update
            .timeline
            .events
            .iter()
            .map(|e| e.raw().cast_ref_unchecked());
        if state.iter().chain(timeline).any(is_power_levels) {
            self.invalidate(room);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<OwnedRoomId, Entry>> {
        self.rooms.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn is_power_levels(event: &Raw<AnySyncStateEvent>) -> bool {
    event.get_field::<&str>("type").ok().flatten() == Some("m.room.power_levels")
}

fn level(level: UserPowerLevel) -> i64 {
    match level {
        UserPowerLevel::Infinite => i64::MAX,
        UserPowerLevel::Int(i) => i.into(),
        _ => 0,
    }
}
