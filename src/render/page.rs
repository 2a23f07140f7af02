//! The head every printed HTML page shares: the document start with its stylesheet inline.
//! `base.css` beside it holds the rules every page's own stylesheet starts from (the A4
//! sheet on screen and on paper); each page includes it ahead of its own.

/// The start of every printed page, up to its open `<main class="page">`: one
/// self-contained document with its stylesheet inline. `title` is already escaped.
pub(crate) fn document_start(title: &str, style: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{style}</style>\n</head>\n<body>\n<main class=\"page\">\n"
    )
}
