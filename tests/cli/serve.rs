//! `caseledger serve` as a clerk starts it: the real binary on a free port, the token
//! address as its first line, and plain HTTP requests against it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::support::Workspace;

/// A running server, stopped when dropped.
pub struct Served {
    child: Child,
    /// The first line it printed: `http://127.0.0.1:PORT/?token=…`.
    pub url: String,
    pub port: u16,
}

impl Served {
    /// Starts `caseledger serve --port 0 --no-browser` on the workspace's ledger.
    pub fn start(ws: &Workspace, extra: &[&str]) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_caseledger"))
            .env_clear()
            .env("HOME", ws.path())
            .current_dir(ws.path())
            .arg("--ledger")
            .arg(ws.ledger())
            .args(["serve", "--port", "0", "--no-browser"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start caseledger serve");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("the first line");
        let url = first.trim().to_owned();
        let port = url
            .strip_prefix("http://127.0.0.1:")
            .and_then(|rest| rest.split_once('/'))
            .and_then(|(port, _)| port.parse().ok())
            .unwrap_or_else(|| panic!("not a token address: {url:?}"));
        Served { child, url, port }
    }

    /// The token of the address.
    pub fn token(&self) -> &str {
        self.url.split_once("token=").map_or("", |(_, t)| t)
    }

    /// One HTTP/1.1 request (its head lines, then its body); the whole answer as text.
    pub fn request(&self, head: &str, body: &str) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .write_all(format!("{head}Connection: close\r\n\r\n{body}").as_bytes())
            .expect("send");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("read");
        answer
    }

    pub fn get(&self, path: &str, cookie: Option<&str>) -> String {
        let cookie = cookie.map_or_else(String::new, |c| format!("Cookie: {c}\r\n"));
        self.request(
            &format!(
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n{cookie}",
                self.port
            ),
            "",
        )
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn status(answer: &str) -> &str {
    answer.split(' ').nth(1).unwrap_or_default()
}

#[test]
fn serve_prints_the_token_address_and_guards_every_request() {
    let ws = Workspace::new();
    let input = ws.copy_fixtures(&["复议台账_都匀市_2021-03-05.csv"]);
    ws.ok(["import".as_ref(), input.as_os_str()]);
    let served = Served::start(&ws, &[]);
    assert_eq!(served.token().len(), 64, "{}", served.url);

    let refused = served.get("/", None);
    assert_eq!(status(&refused), "401", "{refused}");

    let first = served.get(&format!("/?token={}", served.token()), None);
    assert_eq!(status(&first), "303", "{first}");
    assert!(first.contains("\r\nlocation: /\r\n"), "{first}");
    let cookie_line = first
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .expect("a cookie");
    assert!(cookie_line.contains("HttpOnly") && cookie_line.contains("SameSite=Strict"));
    let cookie = cookie_line.split(';').next().expect("name=value");

    let page = served.get("/cases", Some(cookie));
    assert_eq!(status(&page), "200", "{page}");
    assert!(page.contains("都府复〔2021〕1号"), "{page}");
    assert!(
        page.contains("content-security-policy: default-src 'self'"),
        "{page}"
    );

    let foreign = served.request(
        &format!(
            "GET / HTTP/1.1\r\nHost: attacker.example:{}\r\nCookie: {cookie}\r\n",
            served.port
        ),
        "",
    );
    assert_eq!(status(&foreign), "403", "{foreign}");

    let body = "batch=1&confirm=yes";
    // A form on another port of 127.0.0.1 would send the SameSite cookie: the Origin
    // check alone stops it.
    let post = served.request(
        &format!(
            "POST /undo HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nOrigin: http://127.0.0.1:1\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            served.port,
            body.len(),
        ),
        body,
    );
    assert_eq!(status(&post), "403", "{post}");
    let batches: serde_json::Value =
        serde_json::from_str(&ws.ok(["batches", "--format", "json"])).expect("json");
    assert_eq!(batches.as_array().map(Vec::len), Some(1), "{batches}");
}

#[test]
fn read_only_serve_offers_no_import() {
    let ws = Workspace::new();
    let served = Served::start(&ws, &["--read-only"]);
    let first = served.get(&format!("/import?token={}", served.token()), None);
    let cookie = first
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("a cookie");
    let page = served.get("/import", Some(cookie));
    assert_eq!(status(&page), "403", "{page}");
    let page = served.get("/", Some(cookie));
    assert_eq!(status(&page), "200", "{page}");
    assert!(!page.contains("href=\"/import\""), "{page}");
}
