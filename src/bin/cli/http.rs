//! A small HTTP/1.1 client for CRLs, CA certificates and OCSP (`kyso trust update`,
//! `--online`).
//!
//! CRL distribution points, AIA caIssuers and OCSP responders are plain `http://`
//! by convention (RFC 5280 §4.2.1.13, RFC 6960 appendix A): the objects are signed,
//! so TLS adds nothing to their integrity, and a validator must not need a validator
//! to fetch them. That is all this client speaks, on `std::net::TcpStream`, rather
//! than pulling an HTTP stack with TLS into the build. What it guards against is a
//! hostile or broken server: a connect and read timeout, one deadline for the whole
//! exchange (a server that trickles a byte a second does not hold it), a size cap on
//! the body (checked against Content-Length before reading, and while reading),
//! a few redirects (http only), Content-Length, chunked and read-to-close bodies.
//!
//! An agency's server often reaches the CAs only through a proxy: `--proxy` (or
//! `http_proxy`) sends every request there with an absolute URI.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// Limits of one client.
#[derive(Clone, Debug)]
pub struct Client {
    pub timeout: Duration,
    pub max_bytes: usize,
    pub max_redirects: u8,
    /// `host:port` of an HTTP proxy.
    pub proxy: Option<String>,
}

/// Headers larger than this are not a CRL server's answer.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Why a download failed; `code()` is worded in `i18n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    NotHttp(String),
    BadUrl(String),
    Connect(String),
    Timeout,
    TooLarge { limit: usize },
    Status(u16),
    BadResponse(&'static str),
    TooManyRedirects,
}

impl HttpError {
    pub fn code(&self) -> &'static str {
        match self {
            HttpError::NotHttp(_) => "http_not_http",
            HttpError::BadUrl(_) => "http_bad_url",
            HttpError::Connect(_) => "http_connect",
            HttpError::Timeout => "http_timeout",
            HttpError::TooLarge { .. } => "http_too_large",
            HttpError::Status(_) => "http_status",
            HttpError::BadResponse(_) => "http_bad_response",
            HttpError::TooManyRedirects => "http_too_many_redirects",
        }
    }

    /// The code's words with the detail that helps an administrator.
    pub fn describe(&self, lang: kyso::i18n::Lang) -> String {
        let base = kyso::i18n::text(lang, self.code());
        match self {
            HttpError::NotHttp(u) | HttpError::BadUrl(u) => format!("{base} ({u})"),
            HttpError::Connect(e) => format!("{base} ({e})"),
            HttpError::TooLarge { limit } => format!("{base} (> {limit} byte)"),
            HttpError::Status(s) => format!("{base} (HTTP {s})"),
            HttpError::BadResponse(w) => format!("{base} ({w})"),
            HttpError::Timeout | HttpError::TooManyRedirects => base.to_string(),
        }
    }
}

/// A parsed `http://host[:port]/path` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Url {
    host: String,
    port: u16,
    path: String,
}

impl Url {
    fn parse(url: &str) -> Result<Url, HttpError> {
        let Some(rest) = strip_prefix_ignore_case(url, "http://") else {
            return Err(HttpError::NotHttp(url.to_string()));
        };
        let (authority, path) = match rest.find(['/', '?']) {
            Some(i) => (rest.get(..i).unwrap_or(""), rest.get(i..).unwrap_or("/")),
            None => (rest, "/"),
        };
        let path = if path.starts_with('?') {
            format!("/{path}")
        } else {
            path.to_string()
        };
        let bad = || HttpError::BadUrl(url.to_string());
        if authority.contains('@') || path.bytes().any(|b| b <= b' ' || b == 0x7F) {
            return Err(bad());
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.contains(']') || h.ends_with(']') => {
                (h, p.parse::<u16>().map_err(|_| bad())?)
            }
            _ => (authority, 80),
        };
        if host.is_empty()
            || !host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'[' | b']' | b':'))
        {
            return Err(bad());
        }
        Ok(Url {
            host: host.to_string(),
            port,
            path,
        })
    }

    fn absolute(&self) -> String {
        format!("http://{}:{}{}", self.host, self.port, self.path)
    }

    /// `Location`, absolute or relative to this URL.
    fn join(&self, location: &str) -> Result<Url, HttpError> {
        if location.starts_with('/') && !location.starts_with("//") {
            return Ok(Url {
                path: location.to_string(),
                ..self.clone()
            });
        }
        Url::parse(location)
    }
}

/// Whether this client fetches `url` (`http://`, any case).
pub fn is_http(url: &str) -> bool {
    strip_prefix_ignore_case(url, "http://").is_some()
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

impl Client {
    /// `GET url`, following redirects.
    pub fn get(&self, url: &str) -> Result<Vec<u8>, HttpError> {
        self.fetch(url, None)
    }

    /// `POST url` with `body` of `content_type` (OCSP, RFC 6960 appendix A.1).
    pub fn post(&self, url: &str, content_type: &str, body: &[u8]) -> Result<Vec<u8>, HttpError> {
        self.fetch(url, Some((content_type, body)))
    }

    fn fetch(&self, url: &str, post: Option<(&str, &[u8])>) -> Result<Vec<u8>, HttpError> {
        let deadline = Instant::now() + self.timeout;
        let mut url = Url::parse(url)?;
        for _ in 0..=self.max_redirects {
            match self.once(&url, post, deadline)? {
                Answer::Body(b) => return Ok(b),
                Answer::Redirect(location) => url = url.join(&location)?,
            }
        }
        Err(HttpError::TooManyRedirects)
    }

    fn once(
        &self,
        url: &Url,
        post: Option<(&str, &[u8])>,
        deadline: Instant,
    ) -> Result<Answer, HttpError> {
        let (host, port) = match &self.proxy {
            Some(p) => split_host_port(p)?,
            None => (url.host.clone(), url.port),
        };
        let mut stream = connect(&host, port, deadline)?;
        let target = if self.proxy.is_some() {
            url.absolute()
        } else {
            url.path.clone()
        };
        let host_header = if url.port == 80 {
            url.host.clone()
        } else {
            format!("{}:{}", url.host, url.port)
        };
        let mut request = format!(
            "{} {target} HTTP/1.1\r\nHost: {host_header}\r\nUser-Agent: kyso/{}\r\nAccept: */*\r\nConnection: close\r\n",
            if post.is_some() { "POST" } else { "GET" },
            env!("CARGO_PKG_VERSION"),
        )
        .into_bytes();
        if let Some((ct, body)) = post {
            request.extend_from_slice(
                format!("Content-Type: {ct}\r\nContent-Length: {}\r\n", body.len()).as_bytes(),
            );
        }
        request.extend_from_slice(b"\r\n");
        if let Some((_, body)) = post {
            request.extend_from_slice(body);
        }
        stream.write_all(&request).map_err(io_error)?;
        let mut reader = Reader {
            stream,
            buf: Vec::new(),
            pos: 0,
            deadline,
        };
        let head = reader.head()?;
        let (status, headers) = parse_head(&head)?;
        if matches!(status, 301 | 302 | 303 | 307 | 308) {
            let location = header(&headers, "location")
                .ok_or(HttpError::BadResponse("redirect without Location"))?;
            return Ok(Answer::Redirect(location.to_string()));
        }
        if !(200..300).contains(&status) {
            return Err(HttpError::Status(status));
        }
        let chunked = header(&headers, "transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        let body = if chunked {
            reader.chunked(self.max_bytes)?
        } else if let Some(len) = header(&headers, "content-length") {
            let len: usize = len
                .trim()
                .parse()
                .map_err(|_| HttpError::BadResponse("Content-Length"))?;
            if len > self.max_bytes {
                return Err(HttpError::TooLarge {
                    limit: self.max_bytes,
                });
            }
            reader.exact(len)?
        } else {
            reader.until_closed(self.max_bytes)?
        };
        Ok(Answer::Body(body))
    }
}

enum Answer {
    Body(Vec<u8>),
    Redirect(String),
}

fn split_host_port(proxy: &str) -> Result<(String, u16), HttpError> {
    let rest = strip_prefix_ignore_case(proxy, "http://").unwrap_or(proxy);
    let rest = rest.trim_end_matches('/');
    let u = Url::parse(&format!("http://{rest}/"))?;
    Ok((u.host, u.port))
}

fn io_error(e: std::io::Error) -> HttpError {
    match e.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => HttpError::Timeout,
        _ => HttpError::Connect(e.to_string()),
    }
}

fn remaining(deadline: Instant) -> Result<Duration, HttpError> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        Err(HttpError::Timeout)
    } else {
        Ok(left)
    }
}

fn connect(host: &str, port: u16, deadline: Instant) -> Result<TcpStream, HttpError> {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    // The system resolver has no timeout of its own: ask it on a thread and stop
    // waiting at the deadline (the thread ends when the resolver does).
    let (tx, rx) = std::sync::mpsc::channel();
    let asked = host.clone();
    std::thread::spawn(move || {
        let _ = tx.send(
            (asked.as_str(), port)
                .to_socket_addrs()
                .map(Iterator::collect::<Vec<_>>),
        );
    });
    let addrs = match rx.recv_timeout(remaining(deadline)?) {
        Ok(Ok(a)) => a,
        Ok(Err(e)) => return Err(HttpError::Connect(format!("{host}: {e}"))),
        Err(_) => return Err(HttpError::Timeout),
    };
    let mut last = HttpError::Connect(format!("{host}: no address"));
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, remaining(deadline)?) {
            Ok(s) => {
                s.set_write_timeout(Some(remaining(deadline)?))
                    .map_err(io_error)?;
                return Ok(s);
            }
            Err(e) => last = io_error(e),
        }
    }
    Err(last)
}

/// Reads from the socket with the deadline enforced before every read.
struct Reader {
    stream: TcpStream,
    buf: Vec<u8>,
    pos: usize,
    deadline: Instant,
}

impl Reader {
    /// Reads more bytes into `buf`; `Ok(false)` at end of stream.
    fn fill(&mut self) -> Result<bool, HttpError> {
        self.stream
            .set_read_timeout(Some(remaining(self.deadline)?))
            .map_err(io_error)?;
        let mut chunk = [0u8; 16 * 1024];
        let n = self.stream.read(&mut chunk).map_err(io_error)?;
        self.buf.extend_from_slice(chunk.get(..n).unwrap_or(&[]));
        Ok(n > 0)
    }

    fn available(&self) -> &[u8] {
        self.buf.get(self.pos..).unwrap_or(&[])
    }

    /// The status line and headers, up to the blank line.
    fn head(&mut self) -> Result<Vec<u8>, HttpError> {
        loop {
            if let Some(i) = find(self.available(), b"\r\n\r\n") {
                let head = self.available().get(..i).unwrap_or(&[]).to_vec();
                self.pos += i + 4;
                return Ok(head);
            }
            if self.available().len() > MAX_HEADER_BYTES {
                return Err(HttpError::BadResponse("headers too long"));
            }
            if !self.fill()? {
                return Err(HttpError::BadResponse(
                    "connection closed before the headers",
                ));
            }
        }
    }

    fn line(&mut self) -> Result<String, HttpError> {
        loop {
            if let Some(i) = find(self.available(), b"\r\n") {
                let line =
                    String::from_utf8_lossy(self.available().get(..i).unwrap_or(&[])).into_owned();
                self.pos += i + 2;
                return Ok(line);
            }
            if self.available().len() > 1024 {
                return Err(HttpError::BadResponse("chunk header too long"));
            }
            if !self.fill()? {
                return Err(HttpError::BadResponse("truncated chunked body"));
            }
        }
    }

    fn exact(&mut self, n: usize) -> Result<Vec<u8>, HttpError> {
        while self.available().len() < n {
            if !self.fill()? {
                return Err(HttpError::BadResponse("body shorter than Content-Length"));
            }
        }
        let out = self.available().get(..n).unwrap_or(&[]).to_vec();
        self.pos += n;
        Ok(out)
    }

    fn until_closed(&mut self, max: usize) -> Result<Vec<u8>, HttpError> {
        while self.fill()? {
            if self.available().len() > max {
                return Err(HttpError::TooLarge { limit: max });
            }
        }
        if self.available().len() > max {
            return Err(HttpError::TooLarge { limit: max });
        }
        Ok(self.available().to_vec())
    }

    fn chunked(&mut self, max: usize) -> Result<Vec<u8>, HttpError> {
        let mut body = Vec::new();
        loop {
            let line = self.line()?;
            let size = line.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size, 16)
                .map_err(|_| HttpError::BadResponse("chunk size"))?;
            if size == 0 {
                return Ok(body);
            }
            if body.len().saturating_add(size) > max {
                return Err(HttpError::TooLarge { limit: max });
            }
            body.extend(self.exact(size)?);
            if !self.line()?.is_empty() {
                return Err(HttpError::BadResponse("chunk not followed by CRLF"));
            }
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn parse_head(head: &[u8]) -> Result<(u16, Vec<(String, String)>), HttpError> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/1.") {
        return Err(HttpError::BadResponse("not an HTTP/1.x status line"));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or(HttpError::BadResponse("status code"))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok((status, headers))
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let u = Url::parse("http://ca.gov.vn/pki/pub/crl/cp.crl").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("ca.gov.vn", 80, "/pki/pub/crl/cp.crl")
        );
        let u = Url::parse("HTTP://127.0.0.1:8080").unwrap();
        assert_eq!((u.port, u.path.as_str()), (8080, "/"));
        assert!(matches!(
            Url::parse("https://x/y"),
            Err(HttpError::NotHttp(_))
        ));
        assert!(matches!(
            Url::parse("ldap://x/y"),
            Err(HttpError::NotHttp(_))
        ));
        assert!(Url::parse("http://a b/").is_err());
        assert!(Url::parse("http://user@host/").is_err());
        assert!(Url::parse("http://host:99999/").is_err());
        assert_eq!(u.join("/z").unwrap().path, "/z");
        assert!(u.join("https://x/").is_err());
    }

    #[test]
    fn heads() {
        let (s, h) = parse_head(b"HTTP/1.1 404 Not Found\r\nContent-Length: 3").unwrap();
        assert_eq!(s, 404);
        assert_eq!(header(&h, "content-length"), Some("3"));
        assert!(parse_head(b"SSH-2.0-x").is_err());
    }
}
