//! `[http]`: the HTTP side (probes, metrics, briefing pages and the feed), off while the section is absent.

use std::net::SocketAddr;

use serde::Deserialize;
use toml::Spanned;

use super::{ConfigError, Locator};

/// Where the HTTP server listens and what it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpConfig {
    pub listen: SocketAddr,
    /// The public URL of the server, without a trailing slash: links in chat answers and the feed point
    /// there. `None`: no links are given out (the pages are still served).
    pub base_url: Option<String>,
    /// Briefing pages, search and the Atom feed.
    pub pages: bool,
    /// `/metrics` in Prometheus text format.
    pub metrics: bool,
}

impl HttpConfig {
    /// The page of briefing `id`, when a public URL is configured.
    pub fn page_url(&self, id: &str) -> Option<String> {
        self.base_url
            .as_ref()
            .filter(|_| self.pages)
            .map(|base| format!("{base}/briefings/{id}"))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Raw {
    listen: Option<Spanned<String>>,
    base_url: Option<Spanned<String>>,
    pages: Option<bool>,
    metrics: Option<bool>,
}

impl Raw {
    pub(super) fn validate(self, at: &Locator) -> Result<HttpConfig, ConfigError> {
        let listen = match self.listen {
            Some(l) => l.get_ref().parse::<SocketAddr>().map_err(|_| {
                at.fail(
                    l.span(),
                    format!(
                        "`http.listen` = {:?} is not an address and port like \"127.0.0.1:8080\" or \"[::1]:8080\"",
                        l.get_ref()
                    ),
                )
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 8080)),
        };
        let base_url = self
            .base_url
            .map(|u| super::discord::check_url(at, &u, "http.base_url"))
            .transpose()?;
        Ok(HttpConfig {
            listen,
            base_url,
            pages: self.pages.unwrap_or(true),
            metrics: self.metrics.unwrap_or(true),
        })
    }
}
