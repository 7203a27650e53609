//! Which registry a session browses: the shared edition (organizations), or one enterprise
//! instance of the project (namespaces). Panes belong to one edition or to both, and the
//! hierarchy, the Tab cycle and `:` follow the session's edition.

/// The two editions of SWR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Edition {
    /// Organizations, repositories and tags at `swr.<region>`.
    #[default]
    Shared,
    /// An instance: namespaces, repositories, artifacts and tags at the instance's domain.
    Enterprise,
}

/// An enterprise instance the session talks to: what requests name, what the header shows
/// and the host pull commands use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceRef {
    pub id: String,
    /// As drawn (sanitized).
    pub name: String,
    /// The registry domain of pull commands and `docker login`; validated as a host.
    pub host: String,
}

impl InstanceRef {
    /// `instance ee-demo`: what the header calls it.
    pub fn label(&self) -> String {
        format!("instance {}", self.name)
    }
}
