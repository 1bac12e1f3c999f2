//! `brief import https://…`: the page or PDF behind a link, fetched with ureq.
//!
//! Redirects are followed (at most 10), the whole exchange has a time limit, the body a size
//! limit, and the user agent names brief. The reading stage gets the body and its media type.

use std::time::Duration;

/// The largest body read; a briefing page is far smaller, a PDF of 200 pages too.
pub const SIZE_LIMIT: u64 = 64 * 1024 * 1024;
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// A fetched body.
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The media type of `Content-Type`, lower case, without parameters.
    pub content_type: Option<String>,
    /// The address after redirects.
    pub url: String,
}

/// Whether an argument is a link rather than a file name.
pub fn is_link(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetch a link. The error says what went wrong in the user's terms.
pub fn fetch(url: &str) -> Result<Fetched, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIME_LIMIT))
        .timeout_connect(Some(Duration::from_secs(15)))
        .max_redirects(10)
        .user_agent(concat!(
            "brief/",
            env!("CARGO_PKG_VERSION"),
            " (press-briefing reader)"
        ))
        .http_status_as_error(true)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| describe(url, &e))?;
    let content_type = response
        .body()
        .mime_type()
        .map(|m| m.trim().to_ascii_lowercase());
    let bytes = response
        .body_mut()
        .with_config()
        .limit(SIZE_LIMIT)
        .read_to_vec()
        .map_err(|e| describe(url, &e))?;
    Ok(Fetched {
        bytes,
        content_type,
        url: url.to_string(),
    })
}

fn describe(url: &str, e: &ureq::Error) -> String {
    let what = match e {
        ureq::Error::StatusCode(code) => format!("the server answered HTTP {code}"),
        ureq::Error::Timeout(_) => format!("no answer within {} s", TIME_LIMIT.as_secs()),
        ureq::Error::BodyExceedsLimit(_) => {
            format!("the document is larger than {} MiB", SIZE_LIMIT >> 20)
        }
        ureq::Error::TooManyRedirects => "too many redirects".to_string(),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::Io(io) => format!("network error: {io}"),
        other => other.to_string(),
    };
    format!("{url}: cannot fetch: {what}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_told_from_paths() {
        assert!(is_link("https://example.org/a"));
        assert!(is_link("HTTP://example.org"));
        assert!(!is_link("http.txt"));
        assert!(!is_link("./https"));
    }
}
