//! `caseledger serve`: the ledger as local web pages, for clerks who never open a terminal.
//!
//! The web layer only. Every page calls the same library functions as its command
//! (`report::build`, `due::build`, `leads::build`, `cases::list`, `ingest::import` …)
//! and renders what they return; no figure or rule is worked out here. What keeps the
//! server safe on a shared office PC (loopback only, the per-run token, Host and Origin
//! checks, the upload limit, the headers) lives in `guard`, in front of every route.

mod guard;
mod pages;
mod upload;
mod view;

use std::net::Ipv4Addr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

/// The largest request `serve` reads: a season of weekly workbooks in one upload fits
/// (the sample's largest file is well under 1 MB; offices' workbooks run to a few MB).
pub const UPLOAD_LIMIT: usize = 64 << 20;

/// What `caseledger serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub ledger: PathBuf,
    /// 0 asks the system for a free port.
    pub port: u16,
    /// Hide and refuse everything that writes.
    pub read_only: bool,
}

/// What every request is checked and served against.
#[derive(Debug)]
pub struct Server {
    ledger: PathBuf,
    /// The port actually bound: the only one the Host and Origin checks accept.
    port: u16,
    token: String,
    read_only: bool,
    upload_limit: usize,
}

impl Server {
    /// A server for `ledger` on `port` with a fresh random token.
    pub fn new(ledger: PathBuf, port: u16, read_only: bool) -> Result<Server> {
        Ok(Server {
            ledger,
            port,
            token: guard::new_token()?,
            read_only,
            upload_limit: UPLOAD_LIMIT,
        })
    }

    /// The same server with a different upload limit (tests send small "large" files).
    #[must_use]
    pub fn with_upload_limit(mut self, bytes: usize) -> Server {
        self.upload_limit = bytes;
        self
    }

    /// The address to open first: it carries the token, which the page exchanges for a
    /// cookie at once.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/?token={}", self.port, self.token)
    }

    #[must_use]
    pub fn token(&self) -> &str {
        &self.token
    }
}

/// Every route, behind the guard.
pub fn router(server: Server) -> Router {
    let limit = server.upload_limit;
    let server = Arc::new(server);
    Router::new()
        .route("/", get(pages::overview))
        .route("/report", get(pages::overview))
        .route("/report/export", get(pages::export))
        .route("/import", get(upload::form).post(upload::import))
        .route("/due", get(pages::due))
        .route("/due/export", get(pages::due_calendar))
        .route("/leads", get(pages::leads))
        .route("/cases", get(pages::cases))
        .route("/history", get(pages::history))
        .route("/batches", get(pages::batches))
        .route("/undo", post(upload::undo))
        .route("/outcomes", post(upload::map_outcomes))
        .route("/rules", get(pages::rules).post(upload::set_rule))
        .route("/assets/{name}", get(pages::asset))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&server),
            guard::check,
        ))
        .with_state(server)
}

/// Binds 127.0.0.1, hands the token address to `ready` (which prints it and may open a
/// browser), then serves until the process is stopped. One thread: requests are answered
/// one at a time, so imports queue like the command line's.
pub fn run(options: &ServeOptions, ready: impl FnOnce(&str) -> Result<()>) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .context("cannot start the web server")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, options.port))
            .await
            .with_context(|| format!("cannot listen on 127.0.0.1:{}", options.port))?;
        let port = listener.local_addr()?.port();
        let server = Server::new(options.ledger.clone(), port, options.read_only)?;
        ready(&server.url())?;
        axum::serve(listener, router(server))
            .await
            .context("the web server stopped")
    })
}

#[cfg(test)]
mod tests;
