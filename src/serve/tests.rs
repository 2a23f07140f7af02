//! Every route in-process (tower's `oneshot`), the refusals first. The figures expected
//! are the sample's published ones (README); the small files are written here by hand.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::{Body, to_bytes};
use axum::http::{Request, Response, StatusCode, header};
use tempfile::TempDir;
use tower::ServiceExt;

use super::{Server, router};
use crate::ingest::{self, ImportOptions, Observer};
use crate::ledger::Ledger;
use crate::spreadsheet::{Diagnostic, ReadOptions};

/// The port the tests' server pretends to listen on: Host and Origin must name it.
const PORT: u16 = 4242;
const HOST: &str = "127.0.0.1:4242";
const ORIGIN: &str = "http://127.0.0.1:4242";

struct Quiet;

impl Observer for Quiet {
    fn diagnostic(&mut self, _: &Diagnostic) {}
}

fn import(ledger: &Path, paths: &[PathBuf]) {
    let mut ledger = Ledger::open_or_create(ledger).unwrap();
    let summary = ingest::import(
        &mut ledger,
        paths,
        &ImportOptions::now(ReadOptions::default()),
        &mut Quiet,
    )
    .unwrap();
    assert_eq!(summary.errors, 0);
}

/// The shipped sample, imported once for the tests that only read.
fn sample() -> &'static Path {
    static LEDGER: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = LEDGER.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        import(
            &path,
            &[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample")],
        );
        (dir, path)
    });
    path
}

/// A 复议台账 of two cases, one closed as 撤销, as of 2021-03-05 by its name.
const GOOD: &str = "复议案号,单位,收到申请日期,受理日期,办结日期,审理结果\n\
                    都府复〔2021〕1号,都匀市,2021-01-05,2021-01-08,2021-03-01,撤销\n\
                    都府复〔2021〕2号,都匀市,2021-02-01,2021-02-03,,\n";

/// The same header with a date that is not one, on the file's row 3.
const BAD_DATE: &str = "复议案号,单位,收到申请日期,受理日期,办结日期,审理结果\n\
                        都府复〔2021〕1号,都匀市,2021-01-05,2021-01-08,2021-03-01,撤销\n\
                        都府复〔2021〕2号,都匀市,2021/13/45,2021-02-03,,\n";

struct Client {
    server: Option<Server>,
    token: String,
}

fn client(ledger: &Path) -> Client {
    let server = Server::new(ledger.to_path_buf(), PORT, false).unwrap();
    Client {
        token: server.token().to_owned(),
        server: Some(server),
    }
}

impl Client {
    fn read_only(ledger: &Path) -> Client {
        let server = Server::new(ledger.to_path_buf(), PORT, true).unwrap();
        Client {
            token: server.token().to_owned(),
            server: Some(server),
        }
    }

    fn limit(mut self, bytes: usize) -> Client {
        self.server = self.server.map(|s| s.with_upload_limit(bytes));
        self
    }

    fn cookie(&self) -> String {
        format!("caseledger-{PORT}={}", self.token)
    }

    /// Sends one request to a fresh router over the same server settings.
    async fn send(&mut self, request: Request<Body>) -> Response<Body> {
        let server = self.server.take().unwrap();
        let rebuilt = Server {
            ledger: server.ledger.clone(),
            port: server.port,
            token: server.token.clone(),
            read_only: server.read_only,
            upload_limit: server.upload_limit,
        };
        self.server = Some(rebuilt);
        router(server).oneshot(request).await.unwrap()
    }

    async fn get(&mut self, uri: &str) -> (StatusCode, String) {
        let request = Request::get(uri)
            .header(header::HOST, HOST)
            .header(header::COOKIE, self.cookie())
            .body(Body::empty())
            .unwrap();
        text(self.send(request).await).await
    }

    async fn post_form(&mut self, uri: &str, form: &str) -> (StatusCode, String) {
        let request = Request::post(uri)
            .header(header::HOST, HOST)
            .header(header::ORIGIN, ORIGIN)
            .header(header::COOKIE, self.cookie())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form.to_owned()))
            .unwrap();
        text(self.send(request).await).await
    }

    async fn upload(&mut self, origin: &str, files: &[(&str, &[u8])]) -> (StatusCode, String) {
        let (content_type, body) = multipart(files);
        let request = Request::post("/import")
            .header(header::HOST, HOST)
            .header(header::ORIGIN, origin)
            .header(header::COOKIE, self.cookie())
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap();
        text(self.send(request).await).await
    }
}

fn multipart(files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "caseledger-test-boundary";
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn text(response: Response<Body>) -> (StatusCode, String) {
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn batches(ledger: &Path) -> usize {
    Ledger::open_existing(ledger)
        .unwrap()
        .batches()
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_request_without_the_token_is_refused() {
    let mut c = client(sample());
    let request = Request::get("/report").header(header::HOST, HOST);
    let response = c.send(request.body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // Refusals carry the headers too.
    assert_eq!(
        response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .split(';')
            .next(),
        Some("default-src 'self'")
    );
    assert!(
        !response
            .headers()
            .contains_key("access-control-allow-origin")
    );

    let request = Request::get("/report")
        .header(header::HOST, HOST)
        .header(header::COOKIE, format!("caseledger-{PORT}=0123"));
    let response = c.send(request.body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let request = Request::get("/?token=0123").header(header::HOST, HOST);
    let response = c.send(request.body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_token_address_sets_a_strict_cookie_and_drops_the_token() {
    let mut c = client(sample());
    let uri = format!("/report?from=2021-01-01&token={}&lang=en", c.token);
    let request = Request::get(uri).header(header::HOST, HOST);
    let response = c.send(request.body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[header::LOCATION],
        "/report?from=2021-01-01&lang=en"
    );
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert_eq!(
        cookie,
        format!(
            "caseledger-{PORT}={}; HttpOnly; SameSite=Strict; Path=/",
            c.token
        )
    );
    // The cookie then opens the page.
    let (status, _) = c.get("/report?from=2021-01-01").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_foreign_host_is_refused() {
    let mut c = client(sample());
    for host in [
        "evil.example:4242",
        "127.0.0.1:4243",
        "127.0.0.1",
        "localhost.evil:4242",
    ] {
        let request = Request::get("/")
            .header(header::HOST, host)
            .header(header::COOKIE, c.cookie());
        let response = c.send(request.body(Body::empty()).unwrap()).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{host}");
    }
    let request = Request::get("/")
        .header(header::HOST, "localhost:4242")
        .header(header::COOKIE, c.cookie());
    let response = c.send(request.body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_post_from_another_origin_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let mut c = client(&ledger);
    let file: &[u8] = GOOD.as_bytes();
    for origin in ["http://127.0.0.1:8080", "http://evil.example", "null"] {
        let (status, _) = c.upload(origin, &[("复议台账_2021-03-05.csv", file)]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin}");
    }
    // Without any Origin at all.
    let (content_type, body) = multipart(&[("复议台账_2021-03-05.csv", file)]);
    let request = Request::post("/import")
        .header(header::HOST, HOST)
        .header(header::COOKIE, c.cookie())
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    assert_eq!(c.send(request).await.status(), StatusCode::FORBIDDEN);
    let (status, _) = c.post_form("/undo", "batch=1&confirm=yes").await;
    assert_ne!(status, StatusCode::FORBIDDEN, "own origin passes the guard");
    assert!(!ledger.exists(), "nothing was written");
}

#[tokio::test]
async fn the_report_shows_the_published_rates() {
    let mut c = client(sample());
    let (status, page) = c.get("/report?from=2021-01-01&to=2021-08-31").await;
    assert_eq!(status, StatusCode::OK);
    for rate in ["8.28", "21.74", "75.76", "44.97"] {
        assert!(page.contains(&format!("{rate}%")), "{rate}: {page}");
    }
    let (status, page) = c.get("/report?from=2021-01-01&to=2021-08-31&lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("8.28%") && page.contains("75.76%"), "{page}");
    assert!(page.contains("Overview"));
    let (status, page) = c.get("/report?from=2021-13-01").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("2021-13-01"), "{page}");
}

#[tokio::test]
async fn the_report_downloads_are_the_commands_files() {
    let mut c = client(sample());
    let (status, csv) = c
        .get("/report/export?format=csv&from=2021-01-01&to=2021-08-31")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("8.28"), "{csv}");
    let (status, json) = c
        .get("/report/export?format=json&from=2021-01-01&to=2021-08-31")
        .await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["rates"]["appearance_rate"]["rate"], 75.76);
    let (status, _) = c.get("/report/export?format=pdf").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_report_downloads_as_the_word_notice() {
    let mut c = client(sample());
    let request = Request::get("/report/export?format=docx&from=2021-01-01&to=2021-08-31")
        .header(header::HOST, HOST)
        .header(header::COOKIE, c.cookie())
        .body(Body::empty())
        .unwrap();
    let response = c.send(request).await;
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let mut package = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut package.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    for figure in ["8.28%", "21.74%", "75.76%", "44.97%"] {
        assert!(document.contains(figure), "{figure} missing");
    }
}

#[tokio::test]
async fn due_lists_lawsuits_and_exports_a_calendar() {
    let mut c = client(sample());
    let (status, page) = c.get("/due?on=2021-08-23").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("行初"), "a first-instance lawsuit: {page}");
    let (status, ics) = c.get("/due/export?on=2021-08-23").await;
    assert_eq!(status, StatusCode::OK);
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
}

#[tokio::test]
async fn every_reading_page_answers() {
    let mut c = client(sample());
    for uri in [
        "/",
        "/leads?month=2021-08",
        "/cases?kind=litigation&open=1",
        "/batches",
        "/rules",
        "/import",
        "/assets/serve.css",
        "/assets/report.css",
        "/?lang=en",
    ] {
        let (status, _) = c.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
    }
    let (status, _) = c.get("/nowhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_case_links_to_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let input = dir.path().join("复议台账_2021-03-05.csv");
    std::fs::write(&input, GOOD).unwrap();
    import(&ledger, &[input]);
    let mut c = client(&ledger);
    let (_, page) = c.get("/cases").await;
    assert!(page.contains("/history?case_no=%E9%83%BD"), "{page}");
    let (status, page) = c
        .get("/history?case_no=%E9%83%BD%E5%BA%9C%E5%A4%8D%E3%80%942021%E3%80%951%E5%8F%B7")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("2021-03-01") && page.contains("撤销"),
        "{page}"
    );
    let (status, _) = c.get("/history?case_no=nothing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_bad_file_is_refused_with_its_value_and_the_ledger_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let mut c = client(&ledger);
    let (status, page) = c
        .upload(ORIGIN, &[("复议台账_2021-03-05.csv", GOOD.as_bytes())])
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(batches(&ledger), 1);

    let (status, page) = c
        .upload(
            ORIGIN,
            &[
                (
                    "复议台账_2021-03-12.csv",
                    GOOD.replace("2021-03-01", "2021-03-02").as_bytes(),
                ),
                ("复议台账_错误_2021-03-12.csv", BAD_DATE.as_bytes()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // File, row, column and the value itself, and no temporary folder.
    assert!(page.contains("复议台账_错误_2021-03-12.csv"), "{page}");
    assert!(page.contains("<td>3</td>"), "{page}");
    assert!(page.contains("收到申请日期"), "{page}");
    assert!(page.contains("2021/13/45"), "{page}");
    assert!(
        !page.contains(&std::env::temp_dir().display().to_string()),
        "{page}"
    );
    assert_eq!(
        batches(&ledger),
        1,
        "the good file of the call was not imported either"
    );

    let (status, _) = c
        .upload(
            ORIGIN,
            &[(
                "复议台账_2021-03-12.csv",
                GOOD.replace("2021-03-01", "2021-03-02").as_bytes(),
            )],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(batches(&ledger), 2, "a good file adds exactly one batch");
}

#[tokio::test]
async fn a_failed_first_upload_leaves_no_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let mut c = client(&ledger);
    let (status, _) = c
        .upload(ORIGIN, &[("复议台账_2021-03-12.csv", BAD_DATE.as_bytes())])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!ledger.exists());
    let (status, page) = c.get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("href=\"/import\""),
        "the empty ledger points at 导入: {page}"
    );
}

#[tokio::test]
async fn an_upload_over_the_limit_gets_413_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let mut c = client(&ledger).limit(2 << 20);
    let large = GOOD.repeat((2 << 20) / GOOD.len() + 1);
    let (status, page) = c
        .upload(ORIGIN, &[("复议台账_2021-03-05.csv", large.as_bytes())])
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.contains("2 MB"), "{page}");
    assert!(!ledger.exists());
}

#[tokio::test]
async fn case_numbers_and_unit_names_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let input = dir.path().join("复议台账_2021-03-05.csv");
    std::fs::write(
        &input,
        "复议案号,单位,收到申请日期,受理日期,办结日期,审理结果\n\
         <script>alert(1)</script>号,<b>都匀&市</b>,2021-01-05,2021-01-08,2021-03-01,撤销\n",
    )
    .unwrap();
    import(&ledger, &[input]);
    let mut c = client(&ledger);
    for uri in [
        "/cases",
        "/report?from=2021-01-01&to=2021-03-31",
        "/due?on=2021-01-10",
    ] {
        let (status, page) = c.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        // (The report's own markup has <b> elements: the unit's must not be one.)
        assert!(
            !page.contains("<script>") && !page.contains("<b>都匀"),
            "{uri}: {page}"
        );
    }
    // Shown as text: escaped (by name or number), and whole once unescaped.
    let (_, page) = c.get("/cases").await;
    let text = [
        ("&#60;", "<"),
        ("&lt;", "<"),
        ("&#62;", ">"),
        ("&gt;", ">"),
        ("&#38;", "&"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(page.clone(), |text, (entity, c)| text.replace(entity, c));
    assert!(text.contains("<script>alert(1)</script>号"), "{page}");
    assert!(text.contains("<b>都匀&市</b>"), "{page}");
}

#[tokio::test]
async fn undo_and_rule_changes_ask_first() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let input = dir.path().join("复议台账_2021-03-05.csv");
    std::fs::write(&input, GOOD).unwrap();
    import(&ledger, &[input]);
    let mut c = client(&ledger);
    let (status, page) = c.post_form("/undo", "batch=1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("name=\"confirm\" value=\"yes\""), "{page}");
    assert_eq!(batches(&ledger), 1);
    let (status, _) = c.post_form("/undo", "batch=1&confirm=yes").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(batches(&ledger), 0);

    let (_, page) = c.post_form("/rules", "key=reply_days&value=30").await;
    assert!(page.contains("name=\"confirm\" value=\"yes\""), "{page}");
    let (status, page) = c
        .post_form("/rules", "key=nonsense&value=1&confirm=yes")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
}

#[tokio::test]
async fn read_only_hides_and_refuses_every_write() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let input = dir.path().join("复议台账_2021-03-05.csv");
    std::fs::write(&input, GOOD).unwrap();
    import(&ledger, &[input]);
    let mut c = Client::read_only(&ledger);
    for uri in ["/", "/batches", "/rules"] {
        let (_, page) = c.get(uri).await;
        assert!(!page.contains("method=\"post\""), "{uri}: {page}");
        assert!(!page.contains("href=\"/import\""), "{uri}: {page}");
    }
    let (status, _) = c.get("/import").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = c
        .upload(ORIGIN, &[("复议台账_2021-03-12.csv", GOOD.as_bytes())])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = c.post_form("/undo", "batch=1&confirm=yes").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = c.post_form("/rules", "key=x&value=1&confirm=yes").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(batches(&ledger), 1);
}

#[tokio::test]
async fn an_unknown_column_is_shown_with_its_ready_columns_map_line() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let mut c = client(&ledger);
    let odd = GOOD
        .replace("审理结果\n", "审理结果,经办科室\n")
        .replace(",撤销\n", ",撤销,法制科\n")
        .replace(",,\n", ",,,法制科\n");
    let (status, page) = c
        .upload(ORIGIN, &[("复议台账_2021-03-05.csv", odd.as_bytes())])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    assert!(
        page.contains("caseledger columns map &#39;经办科室=")
            || page.contains("caseledger columns map &#x27;经办科室="),
        "{page}"
    );
    // Nothing imported: a failed first import leaves no ledger behind.
    assert!(!ledger.exists());
}

#[tokio::test]
async fn unknown_outcome_wording_is_offered_for_mapping_after_a_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let mut c = client(&ledger);
    let odd = GOOD.replace(",撤销\n", ",撤消原行为吧\n");
    let (status, page) = c
        .upload(ORIGIN, &[("复议台账_2021-03-05.csv", odd.as_bytes())])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    assert!(page.contains("caseledger outcomes map"), "{page}");
    assert!(
        page.contains("name=\"entry\" value=\"撤消原行为吧="),
        "{page}"
    );

    let (status, page) = c
        .post_form(
            "/outcomes",
            "entry=%E6%92%A4%E6%B6%88%E5%8E%9F%E8%A1%8C%E4%B8%BA%E5%90%A7%3D%E6%92%A4%E9%94%80",
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("name=\"confirm\" value=\"yes\""), "{page}");
    let (status, _) = c
        .upload(ORIGIN, &[("复议台账_2021-03-05.csv", odd.as_bytes())])
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not stored before the confirmation"
    );

    let (status, page) = c
        .post_form("/outcomes", "entry=%E6%92%A4%E6%B6%88%E5%8E%9F%E8%A1%8C%E4%B8%BA%E5%90%A7%3D%E6%92%A4%E9%94%80&confirm=yes")
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let (status, page) = c
        .upload(ORIGIN, &[("复议台账_2021-03-05.csv", odd.as_bytes())])
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(batches(&ledger), 1);
}
