//! The pages' frame and words: the navigation, the 中文 and English labels, and the
//! askama templates (in `templates/serve/`, escaping every value unless it is HTML a
//! shared renderer already escaped). Nothing here reads the ledger.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::report::wording::TextTable;

/// The language of a page: 中文 unless the address asks for `lang=en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// From a query string: `lang=en` anywhere in it.
    #[must_use]
    pub fn of_query(query: Option<&str>) -> Lang {
        if query.is_some_and(|q| q.split('&').any(|pair| pair == "lang=en")) {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// From a form's or query's `lang` value.
    #[must_use]
    pub fn of_value(value: Option<&str>) -> Lang {
        if value == Some("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The report renderers' language.
    #[must_use]
    pub fn report(self) -> crate::report::Lang {
        match self {
            Lang::Zh => crate::report::Lang::Zh,
            Lang::En => crate::report::Lang::En,
        }
    }
}

/// The pages, in the order the navigation lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Overview,
    Import,
    Due,
    Leads,
    Cases,
    Batches,
    Rules,
}

impl Page {
    const ALL: [Page; 7] = [
        Page::Overview,
        Page::Import,
        Page::Due,
        Page::Leads,
        Page::Cases,
        Page::Batches,
        Page::Rules,
    ];

    fn path(self) -> &'static str {
        match self {
            Page::Overview => "/",
            Page::Import => "/import",
            Page::Due => "/due",
            Page::Leads => "/leads",
            Page::Cases => "/cases",
            Page::Batches => "/batches",
            Page::Rules => "/rules",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Page::Overview => lang.pick("总览", "Overview"),
            Page::Import => lang.pick("导入", "Import"),
            Page::Due => lang.pick("待办", "Due"),
            Page::Leads => lang.pick("包案", "Leads"),
            Page::Cases => lang.pick("案件", "Cases"),
            Page::Batches => lang.pick("批次", "Batches"),
            Page::Rules => lang.pick("口径", "Rules"),
        }
    }
}

/// A link of the navigation bar.
pub struct NavLink {
    pub href: String,
    pub label: &'static str,
    pub current: bool,
}

/// What every page shares: its title, language, navigation and whether forms that write
/// are shown.
pub struct Frame {
    pub title: String,
    pub lang: Lang,
    pub nav: Vec<NavLink>,
    /// The same page in the other language.
    pub other_lang: NavLink,
    pub read_only: bool,
    /// The page's own style sheet (a shared renderer's), besides the server's.
    pub style: &'static str,
}

impl Frame {
    pub fn new(page: Option<Page>, title: &str, lang: Lang, read_only: bool) -> Frame {
        let nav = Page::ALL
            .into_iter()
            .filter(|p| !(read_only && *p == Page::Import))
            .map(|p| NavLink {
                href: with_lang(p.path(), lang),
                label: p.label(lang),
                current: Some(p) == page,
            })
            .collect();
        let here = page.map_or("/", Page::path);
        let other_lang = match lang {
            Lang::Zh => NavLink {
                href: with_lang(here, Lang::En),
                label: "English",
                current: false,
            },
            Lang::En => NavLink {
                href: here.to_owned(),
                label: "中文",
                current: false,
            },
        };
        Frame {
            title: title.to_owned(),
            lang,
            nav,
            other_lang,
            read_only,
            style: "report.css",
        }
    }

    #[must_use]
    pub fn with_style(mut self, style: &'static str) -> Frame {
        self.style = style;
        self
    }

    /// The `lang` attribute of the page.
    pub fn lang_code(&self) -> &'static str {
        self.lang.pick("zh-CN", "en")
    }

    /// Whether forms must carry `lang=en` on.
    pub fn is_en(&self) -> bool {
        self.lang == Lang::En
    }

    /// A label in the page's language.
    pub fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(zh, en)
    }
}

/// `path` with `lang=en` added for an English page.
#[must_use]
pub fn with_lang(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => path.to_owned(),
        Lang::En if path.contains('?') => format!("{path}&lang=en"),
        Lang::En => format!("{path}?lang=en"),
    }
}

/// A page that says one thing: a refusal, an error or a confirmation.
#[derive(Template)]
#[template(path = "serve/message.html")]
pub struct MessagePage<'a> {
    pub frame: Frame,
    pub message: &'a str,
}

/// A message page with its status.
pub fn message(status: StatusCode, lang: Lang, message: &str) -> Response {
    let title = lang.pick("提示", "Notice");
    let page = MessagePage {
        frame: Frame::new(None, title, lang, false),
        message,
    };
    (status, render(&page)).into_response()
}

/// A template as the answer; a template that fails to render is a bug, said as a 500.
pub fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot render the page: {e}"),
        )
            .into_response(),
    }
}

/// One option of a `<select>`.
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

/// Tables a page shows, each with an optional heading.
pub struct Titled {
    pub heading: String,
    pub table: TextTable,
}
