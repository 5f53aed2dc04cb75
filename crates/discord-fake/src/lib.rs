//! A local Discord for the tests: the REST API under `/api/v10` and the gateway WebSocket, written
//! from Discord's API documentation and rejecting what Discord rejects, with the errors Discord
//! sends. This file owns the test-facing API, [`FakeDiscord`]; the others own one concern each:
//! `rest` (the HTTP front door) routes to `channels`, `commands` and `interactions`; `limits` keeps
//! rate-limit buckets and injected faults; `validate`, `validate_components` and `validate_command`
//! hold the documented limits; `nonce` keeps Create Message's `nonce`/`enforce_nonce` rules; `session` speaks the gateway protocol and `gateway` its sockets;
//! `outgoing` posts interactions, signed, to an interactions endpoint instead; `payloads` shapes the JSON objects; `invoke` builds what users do; `state` remembers it all.
//! The server never panics on client input: a bad request gets a Discord-style error.
//!
//! # Starting it
//! [`FakeDiscord::start`] binds two free loopback ports (REST and gateway) and serves them on a tokio
//! runtime of its own, so it works the same from a plain `#[test]` and from `#[tokio::test]`, and a
//! bot running as a separate process reaches it over TCP like any client: give it
//! [`FakeDiscord::proxy_url`] (serenity's `HttpBuilder::proxy`) or [`FakeDiscord::api_base`], and
//! the token from [`FakeDiscord::token`]; `GET /gateway` then points it at the gateway. Dropping the
//! fake stops both servers and closes every connection.
//!
//! # Waiting
//! The `wait_*` methods block the calling thread until what they wait for has happened (every change wakes
//! them), or their timeout passes; none polls. The fake's clock runs with real time, and
//! [`FakeDiscord::advance`] moves it ahead, so a test of a deadline or a window need not sleep through it.
//!
//! The `wait_*` methods block the calling thread. From an async test, call them through
//! `tokio::task::spawn_blocking`, or use the `multi_thread` flavor, so the test's own runtime keeps
//! running whatever client it drives.

mod channels;
mod commands;
mod gateway;
mod handshake;
mod interactions;
mod invoke;
mod limits;
mod nonce;
mod outgoing;
mod payloads;
mod rest;
mod session;
mod state;
mod validate;
mod validate_command;
mod validate_components;

#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

pub use invoke::{Interaction, Invocation, Reply, message_text};
pub use limits::Route;
pub use outgoing::Delivery;
pub use session::GatewayEvent;
pub use state::InteractionKind;

use invoke::Target;
use state::{Channel, Shared};

/// What a test may tune. The defaults are Discord's, except the heartbeat interval, which is short
/// so that heartbeat faults show within a test's patience.
#[derive(Clone, Debug)]
pub struct FakeOptions {
    /// HELLO's `heartbeat_interval` (Discord sends about 41 s; default here 1 s).
    pub heartbeat_interval: Duration,
    /// How long an interaction token works on the webhook routes (Discord: 15 minutes).
    pub token_lifetime: Duration,
    /// How long after delivery an interaction may get its callback (Discord: 3 seconds).
    pub callback_deadline: Duration,
    /// Privileged intents switched on for the application; others close IDENTIFY with 4014.
    pub privileged_intents: u64,
    /// Deliver dispatches made while no session was resumable to the next new session. Discord
    /// does not (an interaction made while the bot is away is lost); off by default.
    pub redeliver_on_identify: bool,
}

impl Default for FakeOptions {
    fn default() -> FakeOptions {
        FakeOptions {
            heartbeat_interval: Duration::from_secs(1),
            token_lifetime: Duration::from_secs(15 * 60),
            callback_deadline: Duration::from_secs(3),
            privileged_intents: 0,
            redeliver_on_identify: false,
        }
    }
}

/// One REST request as the fake saw and answered it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// The path under `/api/v10` (or the full path when outside it).
    pub path: String,
    pub query: String,
    pub status: u16,
    /// The request's JSON body (`Null` when empty; a string when it was not JSON).
    pub body: Value,
    /// The JSON the fake answered (`Null` for 204).
    pub response: Value,
    /// Time since the fake started.
    pub at: Duration,
    /// A 429 for a request sent inside a rate-limit window the client had been told about.
    pub early_retry: bool,
}

pub struct FakeDiscord {
    shared: Arc<Shared>,
    http: SocketAddr,
    /// Posts interactions to endpoints, when told to.
    client: reqwest::Client,
    runtime: Option<tokio::runtime::Runtime>,
}

impl FakeDiscord {
    /// Starts a fake with the default options.
    pub fn start() -> FakeDiscord {
        FakeDiscord::with_options(FakeOptions::default())
    }

    /// Starts a fake.
    ///
    /// # Panics
    /// If no loopback port or runtime can be had: the test cannot run at all then.
    pub fn with_options(opts: FakeOptions) -> FakeDiscord {
        let bind = || {
            let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
            l.set_nonblocking(true).expect("a non-blocking listener");
            l
        };
        let (http, ws) = (bind(), bind());
        let http_addr = http.local_addr().expect("a bound address");
        let ws_url = format!("ws://{}", ws.local_addr().expect("a bound address"));
        let shared = Arc::new(Shared::new(opts, ws_url));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("discord-fake")
            .enable_all()
            .build()
            .expect("a runtime for the fake");
        {
            // Listeners must be registered with the runtime that drives them; `enter` (unlike
            // `block_on`) is allowed inside another runtime, as in a `#[tokio::test]`.
            let _guard = runtime.enter();
            let http = tokio::net::TcpListener::from_std(http).expect("a tokio listener");
            let ws = tokio::net::TcpListener::from_std(ws).expect("a tokio listener");
            let router = rest::router(Arc::clone(&shared));
            runtime.spawn(async move {
                let _ = axum::serve(http, router).await;
            });
            runtime.spawn(gateway::serve(Arc::clone(&shared), ws));
        }
        FakeDiscord {
            shared,
            http: http_addr,
            client: reqwest::Client::new(),
            runtime: Some(runtime),
        }
    }

    /// `http://127.0.0.1:PORT/api/v10`.
    pub fn api_base(&self) -> String {
        format!("{}/api/v10", self.proxy_url())
    }

    /// `http://127.0.0.1:PORT`, what serenity's `HttpBuilder::proxy` takes (it keeps `/api/v10`).
    pub fn proxy_url(&self) -> String {
        format!("http://{}", self.http)
    }

    /// `ws://127.0.0.1:PORT`, as `GET /gateway` returns it.
    pub fn gateway_url(&self) -> String {
        self.shared.ws_url.clone()
    }

    /// The bot token the fake accepts (without `Bot `).
    pub fn token(&self) -> &str {
        &self.shared.token
    }

    pub fn application_id(&self) -> u64 {
        self.shared.app_id
    }

    pub fn bot_user_id(&self) -> u64 {
        self.shared.bot_id
    }

    pub fn guild_id(&self) -> u64 {
        self.shared.guild_id
    }

    /// The guild's first text channel, there from the start.
    pub fn channel_id(&self) -> u64 {
        self.shared
            .lock()
            .channels
            .keys()
            .next()
            .copied()
            .unwrap_or_default()
    }

    /// Adds a text channel to the guild (announced with CHANNEL_CREATE) and returns its id.
    pub fn add_channel(&self) -> u64 {
        let mut st = self.shared.lock();
        let id = st.snowflake();
        let ch = Channel::new(id, &format!("channel-{}", st.channels.len() + 1));
        let v = payloads::channel(&self.shared, &ch, st.channels.len(), None);
        st.channels.insert(id, ch);
        session::dispatch(&mut st, "CHANNEL_CREATE", v, None);
        drop(st);
        self.shared.notify();
        id
    }

    /// Takes SEND_MESSAGES from the bot in `channel` (announced with CHANNEL_UPDATE): posting there
    /// is then 403, code 50013. Interactions there still work, as on Discord.
    pub fn deny_channel(&self, channel: u64) {
        let mut st = self.shared.lock();
        let position = st.channels.keys().position(|c| *c == channel).unwrap_or(0);
        let Some(ch) = st.channels.get_mut(&channel) else {
            panic!("channel {channel} does not exist in the fake");
        };
        ch.denied = true;
        let v = payloads::channel(&self.shared, ch, position, None);
        session::dispatch(&mut st, "CHANNEL_UPDATE", v, None);
        drop(st);
        self.shared.notify();
    }

    /// Waits until a client has identified (or resumed) and is connected.
    pub fn wait_ready(&self, timeout: Duration) -> bool {
        self.shared
            .wait_for(timeout, |st| st.gateway.is_ready().then_some(()))
            .is_some()
    }

    /// Waits until no gateway connection is open (after a bot was killed, say).
    pub fn wait_disconnected(&self, timeout: Duration) -> bool {
        self.shared
            .wait_for(timeout, |st| (!st.gateway.is_connected()).then_some(()))
            .is_some()
    }

    /// READYs and RESUMEDs sent so far: wait for it to grow to see a client come back.
    pub fn ready_count(&self) -> usize {
        self.shared.lock().gateway.ready_count
    }

    /// Waits until `ready_count()` exceeds `seen`.
    pub fn wait_ready_after(&self, seen: usize, timeout: Duration) -> bool {
        self.shared
            .wait_for(timeout, |st| {
                (st.gateway.ready_count > seen && st.gateway.is_ready()).then_some(())
            })
            .is_some()
    }

    /// The commands registered globally (`None`) or in a guild, as the fake stores them.
    pub fn registered_commands(&self, guild: Option<u64>) -> Vec<Value> {
        self.shared
            .lock()
            .commands
            .get(&guild)
            .cloned()
            .unwrap_or_default()
    }

    /// A user runs a slash command: dispatches INTERACTION_CREATE (type 2).
    ///
    /// # Panics
    /// If the command, an option or the channel does not exist: no user could do that.
    pub fn slash(&self, i: Invocation) -> Interaction {
        self.interact(&i, InteractionKind::Command, Target::Command)
    }

    /// A user types into an option with autocomplete: dispatches INTERACTION_CREATE (type 4).
    pub fn autocomplete(&self, i: Invocation) -> Interaction {
        self.interact(&i, InteractionKind::Autocomplete, Target::Command)
    }

    /// `user` presses the button `custom_id` on `message` (as the fake holds it now).
    pub fn press(&self, message: &Value, custom_id: &str, user: u64) -> Interaction {
        self.press_as(
            message,
            custom_id,
            Invocation::new(0, "").user(user, &format!("user{user}")),
        )
    }

    /// A button press by the member `who` describes (its user, roles and permissions).
    pub fn press_as(&self, message: &Value, custom_id: &str, who: Invocation) -> Interaction {
        let mid = message["id"].as_str().and_then(|s| s.parse::<u64>().ok());
        let (current, channel) = {
            let st = self.shared.lock();
            let stored = mid
                .and_then(|m| st.messages.get(&m))
                .expect("a message the fake holds");
            (stored.value.clone(), stored.channel)
        };
        invoke::find_button(&current, custom_id);
        let mut who = who;
        who.channel = channel;
        self.interact(
            &who,
            InteractionKind::Component,
            Target::Button {
                message: current,
                custom_id: custom_id.to_string(),
            },
        )
    }

    fn interact(&self, i: &Invocation, kind: InteractionKind, target: Target) -> Interaction {
        let mut st = self.shared.lock();
        let out = invoke::dispatch(&self.shared, &mut st, i, kind, target);
        let endpoint = st.endpoints.as_mut().map(|(urls, next)| {
            let url = urls[*next % urls.len()].clone();
            *next += 1;
            url
        });
        drop(st);
        self.shared.notify();
        if let (Some(url), Some(runtime)) = (endpoint, &self.runtime) {
            let (shared, client) = (Arc::clone(&self.shared), self.client.clone());
            runtime.spawn(outgoing::deliver(shared, client, url, out.clone()));
        }
        out
    }

    /// The application's public key (`verify_key`), in hex: what the bot checks signatures with.
    pub fn verify_key(&self) -> String {
        outgoing::hex(self.shared.signing.verifying_key().as_bytes())
    }

    /// The `X-Signature-Ed25519` Discord would send with `body` at `timestamp`: for tests that post by
    /// hand (a replay, a stale timestamp, a body tampered with after signing).
    pub fn sign(&self, timestamp: &str, body: &[u8]) -> String {
        outgoing::sign(&self.shared, timestamp, body)
    }

    /// From now on, interactions are posted to these interactions endpoint URLs in turn (round-robin), as
    /// Discord does to an application with an Interactions Endpoint URL behind a load balancer, instead
    /// of being dispatched on the gateway. Each response is taken as the first answer, or refused, as
    /// Discord would ([`Delivery`]).
    ///
    /// # Panics
    /// With no URL.
    pub fn deliver_over_http(&self, endpoints: &[String]) {
        assert!(!endpoints.is_empty(), "at least one endpoint URL");
        self.shared.lock().endpoints = Some((endpoints.to_vec(), 0));
    }

    /// Discord's check of an endpoint URL when it is saved in the Developer Portal: a signed PING must get
    /// a PONG, a wrongly signed one a 401. Blocks until both are answered.
    pub fn check_endpoint(&self, url: &str) -> Result<(), String> {
        let Some(runtime) = &self.runtime else {
            return Err("the fake is stopped".into());
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let check = outgoing::check_endpoint(Arc::clone(&self.shared), self.client.clone(), url.to_string());
        runtime.spawn(async move {
            let _ = tx.send(check.await);
        });
        rx.recv()
            .unwrap_or_else(|_| Err("the check did not finish".into()))
    }

    /// Every interaction posted to an endpoint so far, in the order the answers came.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.shared.lock().deliveries.clone()
    }

    /// Waits until `count` interactions posted to endpoints have been answered (or refused); returns them.
    pub fn wait_deliveries(&self, count: usize, timeout: Duration) -> Option<Vec<Delivery>> {
        self.shared.wait_for(timeout, |st| {
            (st.deliveries.len() >= count).then(|| st.deliveries.clone())
        })
    }

    /// The token of every interaction dispatched so far: secrets a client must keep out of its logs.
    pub fn interaction_tokens(&self) -> Vec<String> {
        self.shared.lock().by_token.keys().cloned().collect()
    }

    /// Moves the fake's clock `by` ahead: callback deadlines, token lifetimes, rate-limit windows and
    /// nonce windows pass as if that much more time had. Real time goes on as well; a client's own clock is
    /// not moved.
    pub fn advance(&self, by: Duration) {
        self.shared.lock().skipped += by;
        self.shared.notify();
    }

    /// Waits until the bot's reply to `interaction` satisfies `done` (a deferred reply edited in, buttons
    /// removed): returns it then, or `None` at the timeout.
    pub fn wait_reply_where(
        &self,
        interaction: &Interaction,
        timeout: Duration,
        done: impl Fn(&Reply) -> bool,
    ) -> Option<Reply> {
        let id = interaction.id;
        self.shared.wait_for(timeout, |st| {
            invoke::reply_of(st, id).map(|(r, _)| r).filter(|r| done(r))
        })
    }

    /// Waits until the gateway's log satisfies `done`; whether it did before the timeout.
    pub fn wait_gateway(&self, timeout: Duration, done: impl Fn(&[GatewayEvent]) -> bool) -> bool {
        self.shared
            .wait_for(timeout, |st| done(&st.gateway.log).then_some(()))
            .is_some()
    }

    /// Waits until the REST requests so far satisfy `done`; whether they did before the timeout.
    pub fn wait_requests(&self, timeout: Duration, done: impl Fn(&[Recorded]) -> bool) -> bool {
        self.shared
            .wait_for(timeout, |st| done(&st.requests).then_some(()))
            .is_some()
    }

    /// The reply so far, if the bot has called back.
    pub fn reply(&self, interaction: &Interaction) -> Option<Reply> {
        invoke::reply_of(&self.shared.lock(), interaction.id).map(|(r, _)| r)
    }

    /// Waits for the bot's reply: returns once it is settled (a deferred reply once edited or
    /// followed up), or at the timeout with whatever there is (a deferred reply still loading).
    pub fn wait_reply(&self, interaction: &Interaction, timeout: Duration) -> Option<Reply> {
        let id = interaction.id;
        self.shared
            .wait_for(timeout, |st| {
                invoke::reply_of(st, id)
                    .filter(|(_, settled)| *settled)
                    .map(|(r, _)| r)
            })
            .or_else(|| self.reply(interaction))
    }

    /// The messages `channel` shows everyone, oldest first, with edits applied.
    pub fn channel_messages(&self, channel: u64) -> Vec<Value> {
        self.shared.lock().channel_messages(channel)
    }

    /// How long `enforce_nonce` matches a repeated nonce (default 5 minutes, for the docs' "the past few
    /// minutes"). `Duration::ZERO` matches nothing, so every send creates a message, as on Discord once
    /// the window has passed. Applies to messages already sent too.
    pub fn set_nonce_window(&self, window: Duration) {
        self.shared.lock().nonces.window = window;
    }

    /// Channel messages are created at once but answered `delay` late, like a response slow to come back:
    /// a client that dies meanwhile has posted without knowing it. `Duration::ZERO` answers at once.
    pub fn delay_create_answers(&self, delay: Duration) {
        self.shared.lock().create_answer_delay = delay;
    }

    /// Every REST request so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.lock().requests.clone()
    }

    /// The next `count` requests matching `route` get 429 with `retry_after`; requests matching it
    /// inside that window get 429 again. A global one holds every route.
    pub fn inject_429(&self, route: Route, count: usize, retry_after: Duration, global: bool) {
        self.shared
            .lock()
            .limits
            .inject_429(route, count, retry_after, global);
    }

    /// The next `count` requests matching `route` get `status` (500, 502, 503 or 504).
    pub fn inject_5xx(&self, route: Route, count: usize, status: u16) {
        self.shared.lock().limits.inject_fault(route, count, status);
    }

    /// Gives matching requests a bucket of `limit` requests per `window`; past it they get 429.
    pub fn set_bucket(&self, route: Route, limit: usize, window: Duration) {
        self.shared.lock().limits.set_bucket(route, limit, window);
    }

    /// Closes the live gateway connection with `code` (4000: the client should resume; 4009: the
    /// session is gone and it must identify again).
    pub fn close_gateway(&self, code: u16) {
        self.shared.lock().gateway.close_all(code);
        self.shared.notify();
    }

    /// Stops (or resumes) answering heartbeats with ACKs.
    pub fn drop_heartbeat_acks(&self, on: bool) {
        self.shared.lock().gateway.drop_acks = on;
        self.shared.notify();
    }

    /// Sends op 7 RECONNECT on the live connection.
    pub fn send_reconnect(&self) {
        self.shared.lock().gateway.reconnect_all();
        self.shared.notify();
    }

    /// Everything that happened on the gateway, in order.
    pub fn gateway_log(&self) -> Vec<GatewayEvent> {
        self.shared.lock().gateway.log.clone()
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        // `shutdown_background` neither blocks nor panics inside an async context.
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}
