//! Pull commands and image references for the current tag.

use super::rows::TagRow;

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

/// Where the image lives: what the tag's `path` says, else the profile's registry host.
pub struct ImageRef<'a> {
    pub registry: &'a str,
    pub org: &'a str,
    pub repo: &'a str,
    pub tag: &'a TagRow,
}

impl ImageRef<'_> {
    fn registry(&self) -> &str {
        self.tag
            .path
            .split_once('/')
            .map(|(host, _)| host)
            .filter(|h| !h.is_empty())
            .unwrap_or(self.registry)
    }

    /// `<registry>/<org>/<repo>:<tag>`
    pub fn by_tag(&self) -> String {
        format!("{}/{}/{}:{}", self.registry(), self.org, self.repo, self.tag.tag)
    }

    /// `<registry>/<org>/<repo>@sha256:…`
    pub fn by_digest(&self) -> String {
        format!("{}/{}/{}@{}", self.registry(), self.org, self.repo, self.tag.digest)
    }

    pub fn command(&self, kind: PullKind) -> String {
        match kind {
            PullKind::Docker => format!("docker pull {}", self.by_tag()),
            PullKind::Podman => format!("podman pull {}", self.by_tag()),
            PullKind::Nerdctl => format!("nerdctl pull {}", self.by_tag()),
            PullKind::Digest => format!("docker pull {}", self.by_digest()),
            PullKind::Internal if !self.tag.internal_path.is_empty() => {
                format!("docker pull {}", self.tag.internal_path)
            }
            PullKind::Internal => format!("docker pull {}", self.by_tag()),
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
            digest: "sha256:abc".into(),
            path: path.into(),
            internal_path: "10.125.0.198:20202/demo/team/web:1.0".into(),
            ..Tag::default()
        })
    }

    #[test]
    fn commands_for_every_kind() {
        let t = tag("swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0");
        let r = ImageRef { registry: "swr.cn-north-4.myhuaweicloud.com", org: "demo", repo: "team/web", tag: &t };
        let all: Vec<String> = PullKind::ALL.iter().map(|&k| r.command(k)).collect();
        assert_eq!(
            all,
            [
                "docker pull swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0",
                "podman pull swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0",
                "nerdctl pull swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0",
                "docker pull swr.ap-southeast-3.myhuaweicloud.com/demo/team/web@sha256:abc",
                "docker pull 10.125.0.198:20202/demo/team/web:1.0",
                "image: swr.ap-southeast-3.myhuaweicloud.com/demo/team/web:1.0",
            ]
        );
    }

    #[test]
    fn falls_back_to_the_profile_registry() {
        let t = tag("");
        let r = ImageRef { registry: "swr.cn-north-4.myhuaweicloud.com", org: "demo", repo: "nginx", tag: &t };
        assert_eq!(r.command(PullKind::Docker), "docker pull swr.cn-north-4.myhuaweicloud.com/demo/nginx:1.0");
    }
}
