//! The state files on disk: locking, atomic replacement, and moving a damaged file aside.

use super::{StoreError, Warning};
use crate::diagnostic::{Diagnostic, SourceMap};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The version of the file layout this build reads and writes.
pub const VERSION: u32 = 1;

/// Name of the lock file that serialises changes between processes.
pub const LOCK_FILE: &str = "state.lock";

/// An exclusive lock on the state folder, released when dropped (closing the file releases it).
pub struct Lock {
    _file: File,
}

/// Wait for, then take, the exclusive lock on the state folder.
pub fn lock(dir: &Path) -> Result<Lock, StoreError> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| StoreError::io(&path, e))?;
    // Another brief holds the lock only for the moment of a write; one that holds it longer is
    // stuck, and waiting for it would freeze this one. The qualified call picks fs4's
    // flock-based lock over std's inherent method, which needs a newer Rust.
    let start = std::time::Instant::now();
    loop {
        if fs4::fs_std::FileExt::try_lock_exclusive(&file).map_err(|e| StoreError::io(&path, e))? {
            return Ok(Lock { _file: file });
        }
        if start.elapsed() >= LOCK_WAIT {
            return Err(StoreError::Unreadable {
                path,
                reason: format!(
                    "locked by another process for more than {} s; bookmarks and positions are not saved",
                    LOCK_WAIT.as_secs()
                ),
            });
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// How long a change waits for the state folder's lock.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Replace `path` with `contents` atomically ([`crate::fsutil::write_atomically`]): a crash
/// leaves the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, contents: &str) -> Result<(), StoreError> {
    crate::fsutil::write_atomically(path, contents.as_bytes()).map_err(|e| StoreError::io(path, e))
}

/// What a state file starts with, read before the rest so that a file from a newer brief is
/// refused rather than taken for a damaged one.
#[derive(serde::Deserialize)]
struct Header {
    version: Option<u32>,
}

/// Read and parse a state file. A missing file is `None`. A file that cannot be read or parsed
/// is renamed to `NAME.corrupt-YYYYMMDDTHHMMSS` and reported as a [`Warning`], so the caller
/// starts afresh without ever writing over it.
pub fn load<T: DeserializeOwned>(path: &Path) -> Result<(Option<T>, Option<Warning>), StoreError> {
    // A FIFO or a device would block the read forever, or never end: leave it alone.
    if let Ok(m) = fs::metadata(path)
        && !m.is_file()
    {
        return Err(StoreError::Unreadable {
            path: path.to_path_buf(),
            reason: "not a regular file (a pipe, a device or a folder); left alone".to_string(),
        });
    }
    let name = path.display().to_string();
    let reason = match fs::read(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((None, None)),
        Err(e) => Diagnostic::about_file(&name, e.to_string()),
        // The briefing's decoder, so that bad bytes are placed by line and column here too.
        Ok(bytes) => match crate::format::decode(&name, bytes) {
            Err(d) => d,
            Ok(text) => match parse::<T>(path, &name, &text)? {
                Ok(value) => return Ok((Some(value), None)),
                Err(reason) => reason,
            },
        },
    };
    let moved_to = move_aside(path).map_err(|e| StoreError::Unreadable {
        path: path.to_path_buf(),
        reason: format!("{}; moving it aside failed too: {e}", reason.message),
    })?;
    Ok((
        None,
        Some(Warning::MovedAside {
            file: path.to_path_buf(),
            moved_to,
            reason,
        }),
    ))
}

/// The parsed file, or why it is damaged (`Err` inside `Ok`). A newer version is a hard error.
fn parse<T: DeserializeOwned>(
    path: &Path,
    name: &str,
    text: &str,
) -> Result<Result<T, Diagnostic>, StoreError> {
    let source = SourceMap::new(name, text);
    let describe = |e: toml::de::Error| {
        let at = e.span().map_or(0, |s| s.start);
        source.diag(at, e.message().trim(), None)
    };
    let header: Header = match toml::from_str(text) {
        Ok(h) => h,
        Err(e) => return Ok(Err(describe(e))),
    };
    if let Some(found) = header.version.filter(|&v| v > VERSION) {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found,
        });
    }
    Ok(toml::from_str(text).map_err(describe))
}

/// Rename a damaged file out of the way, never over another file.
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let base = format!(
        "{}.corrupt-{}",
        path.display(),
        compact_stamp(SystemTime::now())
    );
    let mut target = PathBuf::from(&base);
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = PathBuf::from(format!("{base}-{n}"));
    }
    fs::rename(path, &target)?;
    Ok(target)
}

/// Serialise a state file, with a comment that says what it is.
pub fn render<T: Serialize>(path: &Path, what: &str, value: &T) -> Result<String, StoreError> {
    let body = toml::to_string(value).map_err(|e| StoreError::Unreadable {
        path: path.to_path_buf(),
        reason: format!("cannot be written as TOML: {e}"),
    })?;
    Ok(format!(
        "# brief {what}: see docs/STATE.md in brief's repository.\n\
         # You may edit this file while brief is not running.\n\n{body}"
    ))
}

/// Seconds since 1970 as a UTC civil date and time.
fn civil(t: SystemTime) -> (i64, u32, u32, u32, u32, u32) {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    (year, month, day, h as u32, m as u32, s as u32)
}

/// A moment as RFC 3339 in UTC: `2026-11-23T19:00:00Z`.
pub fn rfc3339(t: SystemTime) -> String {
    let (y, mo, d, h, mi, s) = civil(t);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// A moment as a compact UTC stamp for file names and ids: `20261123T190000`.
pub fn compact_stamp(t: SystemTime) -> String {
    let (y, mo, d, h, mi, s) = civil(t);
    format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn stamps_are_utc_civil_time() {
        let t = UNIX_EPOCH + Duration::from_secs(1_795_460_400);
        assert_eq!(rfc3339(t), "2026-11-23T19:00:00Z");
        assert_eq!(compact_stamp(t), "20261123T190000");
        let leap = UNIX_EPOCH + Duration::from_secs(951_825_599);
        assert_eq!(rfc3339(leap), "2000-02-29T11:59:59Z");
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        #[allow(dead_code)]
        version: u32,
    }

    #[test]
    fn damaged_file_is_moved_aside_with_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        fs::write(&path, "version = 1\nbogus = [\n").unwrap();
        let (value, warning) = load::<Sample>(&path).unwrap();
        assert!(value.is_none());
        let Some(Warning::MovedAside {
            moved_to, reason, ..
        }) = warning
        else {
            panic!("expected a warning");
        };
        assert_eq!(reason.position().map(|p| p.0), Some(2), "{reason}");
        assert!(!path.exists());
        assert_eq!(
            fs::read_to_string(moved_to).unwrap(),
            "version = 1\nbogus = [\n"
        );
    }

    #[test]
    fn newer_version_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        fs::write(&path, "version = 7\n").unwrap();
        let err = load::<Sample>(&path).unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { found: 7, .. }));
        assert!(path.exists());
    }
}
