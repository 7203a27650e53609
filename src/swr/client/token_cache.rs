//! IAM tokens kept on disk between sessions, readable by the user alone (mode 0600), so a
//! restart does not ask IAM again while the token is valid.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::auth::CachedToken;
use crate::swr::secret::Secret;

#[derive(Serialize, Deserialize)]
struct Stored {
    token: String,
    expires_at: DateTime<Utc>,
}

/// The cache file for one identity at one IAM endpoint: the name is a hash, so the file name
/// says nothing about the account.
pub fn path_for(dir: &Path, iam_endpoint: &str, domain: &str, user: &str, region: &str) -> PathBuf {
    let key = format!("{iam_endpoint}\n{domain}\n{user}\n{region}");
    let digest = hex::encode(Sha256::digest(key.as_bytes()));
    dir.join(format!("token-{}.json", &digest[..24]))
}

/// A cached token, if the file exists and parses; freshness is the caller's question.
pub fn load(path: &Path) -> Option<CachedToken> {
    let text = std::fs::read_to_string(path).ok()?;
    let stored: Stored = serde_json::from_str(&text).ok()?;
    Some(CachedToken {
        token: Secret::new(stored.token),
        expires_at: stored.expires_at,
    })
}

/// Writes the token, creating the file with mode 0600 (never readable by others, even briefly).
pub fn store(path: &Path, token: &CachedToken) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let stored = Stored {
        token: token.token.expose().to_string(),
        expires_at: token.expires_at,
    };
    let text = serde_json::to_string(&stored).map_err(std::io::Error::other)?;
    let tmp = path.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// Forgets a token the service refused.
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}
