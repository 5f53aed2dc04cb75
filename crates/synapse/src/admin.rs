//! Users, access tokens and rate-limit overrides, through Synapse's admin API.
//!
//! Registration uses the shared-secret admin endpoint (what `register_new_matrix_user` calls, without
//! its second of Python start-up), and a new user's registration already carries an access token and a
//! device. That matters: Synapse's default `rc_login.address` lets 127.0.0.1 log in 5 times, then one
//! more every 5.5 minutes, for all users together. Only a user who existed before needs a real login.

use std::sync::atomic::AtomicUsize;

use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha1::Sha1;

use super::Synapse;
use super::http::{self, ApiError, call, call_retrying, enc};

/// The password of the harness's admin user, `@admin:localhost`.
pub const ADMIN_PASSWORD: &str = "admin-password";

/// A logged-in device: what a client needs to act as the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user_id: String,
    pub access_token: String,
    pub device_id: String,
}

/// What registering a name found.
pub enum Registered {
    /// A new user, with the device its registration logged in.
    New(Session),
    /// The name was taken (`--exists-ok`): its full user id.
    Existing(String),
}

impl Synapse {
    /// Registers `name` (a localpart) with `password`, or does nothing if it exists; the full user id.
    pub fn register(&self, name: &str, password: &str, admin: bool) -> String {
        match http::block(self.register_async(name, password, admin)) {
            Registered::New(s) => s.user_id,
            Registered::Existing(id) => id,
        }
    }

    /// [`Synapse::register`], from async code.
    pub async fn register_async(&self, name: &str, password: &str, admin: bool) -> Registered {
        register(&self.url(), &self.shared_secret, name, password, admin).await
    }

    /// A session for `name`, the same one for every caller in this process: registered (the
    /// registration's device) if new, else logged in with `password`, once.
    pub async fn session(&self, name: &str, password: &str, admin: bool) -> Session {
        // Held across the registration so two tests asking for one user make one device.
        let mut sessions = self.sessions.lock().await;
        if let Some(s) = sessions.get(name) {
            return s.clone();
        }
        let session = match self.register_async(name, password, admin).await {
            Registered::New(s) => s,
            Registered::Existing(_) => self.login(name, password).await,
        };
        sessions.insert(name.to_owned(), session.clone());
        session
    }

    /// A real `m.login.password` login: a new device. Counts against the 5 logins 127.0.0.1 may make
    /// every few minutes; prefer [`Synapse::session`].
    pub async fn login(&self, name: &str, password: &str) -> Session {
        let body = json!({
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": name},
            "password": password,
            "initial_device_display_name": "attache test",
        });
        let url = format!("{}/_matrix/client/v3/login", self.url());
        let reply = call_retrying("POST", &url, None, Some(&body), &AtomicUsize::new(0))
            .await
            .unwrap_or_else(|e| panic!("login as {name}: {e}"));
        session_from(&reply)
    }

    /// The access token of `@admin:localhost`, a server admin, made once per process.
    pub fn admin_token(&self) -> String {
        http::block(self.admin_token_async())
    }

    /// [`Synapse::admin_token`], from async code.
    pub async fn admin_token_async(&self) -> String {
        self.session("admin", ADMIN_PASSWORD, true).await.access_token
    }

    /// Lifts `user_id`'s rate limits to `messages_per_second` with `burst_count` (0 and 0: none at all).
    pub fn override_ratelimit(&self, user_id: &str, messages_per_second: u32, burst_count: u32) {
        http::block(self.override_ratelimit_async(user_id, messages_per_second, burst_count))
    }

    /// [`Synapse::override_ratelimit`], from async code.
    pub async fn override_ratelimit_async(&self, user_id: &str, messages_per_second: u32, burst_count: u32) {
        let token = self.admin_token_async().await;
        let url = format!(
            "{}/_synapse/admin/v1/users/{}/override_ratelimit",
            self.url(),
            enc(user_id)
        );
        let body = json!({"messages_per_second": messages_per_second, "burst_count": burst_count});
        call("POST", &url, Some(&token), Some(&body))
            .await
            .unwrap_or_else(|e| panic!("override the rate limit of {user_id}: {e}"));
    }
}

async fn register(url: &str, secret: &str, name: &str, password: &str, admin: bool) -> Registered {
    let endpoint = format!("{url}/_synapse/admin/v1/register");
    let nonce = call("GET", &endpoint, None, None)
        .await
        .unwrap_or_else(|e| panic!("registration nonce: {e}"));
    let nonce = nonce["nonce"].as_str().expect("a nonce").to_owned();
    let mut mac = Hmac::<Sha1>::new_from_slice(secret.as_bytes()).expect("any key length");
    for (i, part) in [
        nonce.as_str(),
        name,
        password,
        if admin { "admin" } else { "notadmin" },
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            mac.update(b"\0");
        }
        mac.update(part.as_bytes());
    }
    let mac: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let body = json!({"nonce": nonce, "username": name, "password": password, "admin": admin, "mac": mac});
    match call("POST", &endpoint, None, Some(&body)).await {
        Ok(reply) => Registered::New(session_from(&reply)),
        Err(ApiError { errcode, .. }) if errcode == "M_USER_IN_USE" => {
            Registered::Existing(format!("@{name}:localhost"))
        }
        Err(e) => panic!("register {name}: {e}"),
    }
}

fn session_from(reply: &Value) -> Session {
    let field = |k: &str| {
        reply[k]
            .as_str()
            .unwrap_or_else(|| panic!("no {k} in {reply}"))
            .to_owned()
    };
    Session {
        user_id: field("user_id"),
        access_token: field("access_token"),
        device_id: field("device_id"),
    }
}
