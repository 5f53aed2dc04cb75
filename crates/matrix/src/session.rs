//! Logging in once and restoring the session on every later start, with the same store.
//!
//! The store directory holds `session.json` (the user, device id and access token) beside matrix-sdk's
//! sqlite state and crypto stores. A restart restores that session, so the bot stays one device: a new device
//! per start would leave every encrypted room's keys behind. The password (or access token) is read from the
//! environment; the session file is written owner-only, since it holds a token.

use std::path::{Path, PathBuf};

use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::{Client, SessionMeta, SessionTokens, SqliteStoreConfig};

use attache_core::config::{MatrixAuth, MatrixConfig};

use super::MatrixError;

const SESSION_FILE: &str = "session.json";
/// The crypto store matrix-sdk creates in the store directory; its presence means a device lives here.
const CRYPTO_STORE: &str = "matrix-sdk-crypto.sqlite3";

/// The secrets read from the environment at start.
#[derive(Clone)]
pub struct Secrets {
    /// The password or the access token, as the config's `auth` says.
    pub auth: String,
    pub store_passphrase: Option<String>,
}

impl Secrets {
    /// Reads the variables the config names through `env`.
    pub fn from_env(config: &MatrixConfig, env: impl Fn(&str) -> Option<String>) -> Option<Secrets> {
        let var = match &config.auth {
            MatrixAuth::Password { env } | MatrixAuth::AccessToken { env } => env,
        };
        let store_passphrase = match &config.store_passphrase_env {
            Some(var) => Some(env(var)?),
            None => None,
        };
        Some(Secrets {
            auth: env(var)?,
            store_passphrase,
        })
    }
}

/// A logged-in client: restored from the store when a session is saved there, else freshly logged in (and
/// the session saved).
pub async fn connect(config: &MatrixConfig, secrets: &Secrets) -> Result<Client, MatrixError> {
    create_private_dir(&config.store)?;
    let session_path = config.store.join(SESSION_FILE);
    let Some(mut session) = read_session(&session_path)? else {
        if config.store.join(CRYPTO_STORE).exists() {
            return Err(MatrixError::StoreWithoutSession {
                store: config.store.clone(),
            });
        }
        return first_login(config, secrets).await;
    };
    if session.meta.user_id.as_str() != config.user {
        return Err(MatrixError::StoreOfAnotherUser {
            store: config.store.clone(),
            saved: session.meta.user_id.to_string(),
            configured: config.user.clone(),
        });
    }
    if let MatrixAuth::AccessToken { .. } = config.auth {
        // The token in the environment wins (it may have been rotated), but it must be the same device's.
        let device = whoami_device(config, &secrets.auth).await?;
        if device != session.meta.device_id.as_str() {
            return Err(MatrixError::TokenOfAnotherDevice {
                store: config.store.clone(),
                saved: session.meta.device_id.to_string(),
                token: device,
            });
        }
        session.tokens.access_token = secrets.auth.clone();
    }
    let device = session.meta.device_id.to_string();
    let client = build(config, secrets).await?;
    client.restore_session(session).await?;
    match client.whoami().await {
        Ok(_) => {
            tracing::info!(device, "restored the saved Matrix session");
            Ok(client)
        }
        // Logged out meanwhile: log in again as the same device, so its keys and the crypto store stay valid.
        Err(e)
            if matches!(config.auth, MatrixAuth::Password { .. })
                && matches!(e.client_api_error_kind(), Some(ErrorKind::UnknownToken { .. })) =>
        {
            tracing::warn!("the saved session was logged out; logging in again as device {device}");
            // A client whose session failed cannot log in again: a fresh one, on the same store.
            drop(client);
            login(build(config, secrets).await?, config, secrets, Some(&device)).await
        }
        Err(e) => Err(matrix_sdk::Error::from(e).into()),
    }
}

/// The first start: a password login, or the device of the access token; the session is saved.
async fn first_login(config: &MatrixConfig, secrets: &Secrets) -> Result<Client, MatrixError> {
    let client = build(config, secrets).await?;
    if let MatrixAuth::Password { .. } = config.auth {
        return login(client, config, secrets, None).await;
    }
    let device = whoami_device(config, &secrets.auth).await?;
    let session = MatrixSession {
        meta: SessionMeta {
            user_id: config
                .user
                .as_str()
                .try_into()
                .map_err(|_| MatrixError::BadUser)?,
            device_id: device.as_str().into(),
        },
        tokens: SessionTokens {
            access_token: secrets.auth.clone(),
            refresh_token: None,
        },
    };
    client.restore_session(session.clone()).await?;
    write_session(&config.store.join(SESSION_FILE), &session)?;
    tracing::info!(device, "using the access token's device; session saved");
    Ok(client)
}

/// A client on the store directory. The low-memory sqlite settings (one connection per core, small page
/// caches) are plenty for a bot, which reads and writes little.
async fn build(config: &MatrixConfig, secrets: &Secrets) -> Result<Client, MatrixError> {
    let store = SqliteStoreConfig::with_low_memory_config(&config.store)
        .passphrase(secrets.store_passphrase.as_deref());
    Client::builder()
        .homeserver_url(&config.homeserver)
        .sqlite_store_with_config_and_cache_path(store, None::<&Path>)
        .build()
        .await
        .map_err(|e| MatrixError::Store(e.to_string()))
}

/// Logs `client` in with the password, as `device` when given, and saves the session.
async fn login(
    client: Client,
    config: &MatrixConfig,
    secrets: &Secrets,
    device: Option<&str>,
) -> Result<Client, MatrixError> {
    let mut request = client
        .matrix_auth()
        .login_username(&config.user, &secrets.auth)
        .initial_device_display_name(&config.device_name);
    if let Some(device) = device {
        request = request.device_id(device);
    }
    let response = request.send().await?;
    let session = client.matrix_auth().session().ok_or(MatrixError::NoSession)?;
    write_session(&config.store.join(SESSION_FILE), &session)?;
    tracing::info!(device = %response.device_id, "logged in to Matrix; session saved");
    Ok(client)
}

/// The device an access token belongs to, from `/account/whoami`.
async fn whoami_device(config: &MatrixConfig, token: &str) -> Result<String, MatrixError> {
    let url = format!("{}/_matrix/client/v3/account/whoami", config.homeserver);
    let response = matrix_sdk::reqwest::Client::new()
        .get(&url)
        .bearer_auth(token)
        .send()
        .await
        .map_err(|e| MatrixError::Unreachable(e.to_string()))?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|e| MatrixError::Unreachable(e.to_string()))?;
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    if !status.is_success() {
        return Err(MatrixError::TokenRejected(format!(
            "{status}: {}",
            value["error"].as_str().unwrap_or("no reason given")
        )));
    }
    if value["user_id"].as_str() != Some(config.user.as_str()) {
        return Err(MatrixError::TokenRejected(format!(
            "the token belongs to {}, not {}",
            value["user_id"].as_str().unwrap_or("nobody"),
            config.user
        )));
    }
    value["device_id"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| MatrixError::TokenRejected("the token has no device".into()))
}

fn read_session(path: &Path) -> Result<Option<MatrixSession>, MatrixError> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| MatrixError::BadSessionFile {
                path: path.to_path_buf(),
                why: e.to_string(),
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(MatrixError::Io {
            path: path.to_path_buf(),
            source: e,
        }),
    }
}

/// Writes the session atomically (a crash never leaves half a file), readable by the owner only.
fn write_session(path: &Path, session: &MatrixSession) -> Result<(), MatrixError> {
    let io = |source| MatrixError::Io {
        path: path.to_path_buf(),
        source,
    };
    let tmp: PathBuf = path.with_extension("json.tmp");
    let text = serde_json::to_string_pretty(session).expect("a session serializes");
    {
        use std::io::Write;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp).map_err(io)?;
        file.write_all(text.as_bytes()).map_err(io)?;
        file.sync_all().map_err(io)?;
    }
    std::fs::rename(&tmp, path).map_err(io)
}

fn create_private_dir(dir: &Path) -> Result<(), MatrixError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|source| MatrixError::Io {
        path: dir.to_path_buf(),
        source,
    })
}
