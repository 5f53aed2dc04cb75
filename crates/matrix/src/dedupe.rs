//! The events already handled, so a command is answered once although it can arrive twice: in a limited
//! sync's gap fetched from `/messages`, and again in a timeline. Bounded: only the most recent ids are kept,
//! which is enough because a duplicate arrives within the same sync or the next.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

#[derive(Debug)]
pub struct Seen {
    ids: HashSet<Arc<str>>,
    order: VecDeque<Arc<str>>,
    capacity: usize,
}

impl Seen {
    pub fn new(capacity: usize) -> Seen {
        Seen {
            ids: HashSet::with_capacity(capacity.min(1024)),
            order: VecDeque::with_capacity(capacity.min(1024)),
            capacity: capacity.max(1),
        }
    }

    /// Records `id`; `true` when it was not seen before (so the event should be handled).
    pub fn insert(&mut self, id: &str) -> bool {
        if self.ids.contains(id) {
            return false;
        }
        if self.order.len() == self.capacity
            && let Some(oldest) = self.order.pop_front()
        {
            self.ids.remove(&oldest);
        }
        let id: Arc<str> = Arc::from(id);
        self.ids.insert(id.clone());
        self.order.push_back(id);
        true
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.order.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_id_once_and_bounded() {
        let mut seen = Seen::new(3);
        assert!(seen.insert("$a"));
        assert!(!seen.insert("$a"));
        assert!(seen.insert("$b") && seen.insert("$c") && seen.insert("$d"));
        assert_eq!(seen.len(), 3);
        assert!(seen.insert("$a"), "the oldest was forgotten");
        assert!(!seen.insert("$d"));
    }
}
