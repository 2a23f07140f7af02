//! `serve` in a real browser: Chromium driven through chromedriver (Debian's `chromium`
//! and `chromium-driver`; nothing is downloaded). A refused upload, then the sample's
//! last week uploaded through the page onto the rest of the sample, and the report read
//! back with the published 8.28% and 75.76%. Screenshots of both pages are written to
//! the test's temporary folder (`examples/` keeps copies).
//!
//! Without chromium the test fails when `CI` is set, and is skipped with a notice
//! otherwise.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use super::serve::Served;
use crate::support::Workspace;

/// The program on `PATH`, if it is there.
fn installed(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|path| path.is_file())
    })
}

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(program: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("sample")
}

/// A headless Chromium session with a fresh profile.
async fn open_browser(driver: &Driver, chromium: &Path, profile: &Path) -> fantoccini::Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_owned(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=1240,1800",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session")
}

/// Chooses `files` (paths, one a line) in the import form, submits it, and returns the
/// result line of the page that answers.
async fn upload(browser: &fantoccini::Client, files: &str) -> String {
    let input = browser
        .find(Locator::Css("input[type=file]"))
        .await
        .expect("file input");
    input.send_keys(files).await.expect("choose");
    browser
        .find(Locator::Css("#import"))
        .await
        .expect("button")
        .click()
        .await
        .expect("submit");
    result_of(browser).await
}

/// The import page's result line, once the page shows it.
async fn result_of(browser: &fantoccini::Client) -> String {
    match browser
        .wait()
        .at_most(Duration::from_secs(120))
        .for_element(Locator::Css("#result"))
        .await
    {
        Ok(result) => result.text().await.expect("text"),
        Err(e) => panic!(
            "no import result ({e}): {}",
            browser.source().await.unwrap_or_default()
        ),
    }
}

#[tokio::test]
async fn a_clerk_uploads_the_last_week_and_reads_the_report() {
    let (Some(driver), Some(chromium)) = (installed("chromedriver"), installed("chromium")) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the browser test needs chromium and chromedriver (apt-get install chromium chromium-driver)"
        );
        eprintln!(
            "notice: skipping the browser test: chromium or chromedriver is not installed (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let ws = Workspace::new();
    // Every week of the sample but the last, from the command line.
    let mut weeks: Vec<PathBuf> = std::fs::read_dir(sample())
        .expect("the sample")
        .map(|entry| entry.expect("entry").path())
        .collect();
    weeks.sort();
    let last = weeks.pop().expect("a last week");
    let mut args = vec![std::ffi::OsString::from("import")];
    args.extend(weeks.iter().map(|w| w.clone().into_os_string()));
    ws.ok(args);
    let mut last_files: Vec<String> = std::fs::read_dir(&last)
        .expect("the last week")
        .map(|entry| entry.expect("entry").path().display().to_string())
        .collect();
    last_files.sort();
    // A week of the same shape with a date that is not one.
    let bad = ws.write(
        "周报/复议台账_都匀市_2021-08-31.csv",
        "复议案号,单位,收到申请日期,受理日期,办结日期,审理结果\n\
         都府复〔2021〕901号,都匀市,2021/13/45,2021-02-03,,\n"
            .as_bytes(),
    );

    let served = Served::start(&ws, &[]);
    let driver = Driver::start(&driver);
    let browser = open_browser(&driver, &chromium, &ws.path().join("chromium-profile")).await;
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));

    // The token address lands on the overview with the token gone from the address.
    browser.goto(&served.url).await.expect("open the address");
    let here = browser.current_url().await.expect("url");
    assert_eq!(here.path(), "/");
    assert!(here.query().is_none(), "{here}");

    // A refused upload: the bad value shown, nothing imported.
    browser
        .goto(&format!("http://127.0.0.1:{}/import", served.port))
        .await
        .expect("import page");
    let headline = upload(&browser, &bad.display().to_string()).await;
    assert!(headline.contains("未导入"), "{headline}");
    let page = browser.source().await.expect("source");
    assert!(page.contains("2021/13/45"), "{page}");
    std::fs::write(
        shots.join("serve-refused-upload.png"),
        browser.screenshot().await.expect("screenshot"),
    )
    .expect("write the screenshot");

    // The last week of the sample, every file at once.
    let headline = upload(&browser, &last_files.join("\n")).await;
    // Files whose bytes an earlier week already had are skipped as imported before;
    // every file is named on the page either way.
    assert!(headline.starts_with("已导入"), "{headline}");
    let page = browser.source().await.expect("source");
    for file in &last_files {
        let name = Path::new(file).file_name().expect("name").to_string_lossy();
        assert!(page.contains(&*name), "{name}: {page}");
    }

    browser
        .goto(&format!(
            "http://127.0.0.1:{}/report?from=2021-01-01&to=2021-08-31",
            served.port
        ))
        .await
        .expect("report");
    let text = browser
        .find(Locator::Css("main"))
        .await
        .expect("main")
        .text()
        .await
        .expect("text");
    assert!(text.contains("8.28%"), "{text}");
    assert!(text.contains("75.76%"), "{text}");
    std::fs::write(
        shots.join("serve-overview.png"),
        browser.screenshot().await.expect("screenshot"),
    )
    .expect("write the screenshot");
    browser.close().await.expect("close the browser");
}
