//! Who may do what: the permission lists of organizations and repositories, one set of rules
//! for both.

use super::*;

/// Whose permission list a call is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PermTarget {
    Org(String),
    Repo { org: String, repo: String },
}

impl PermTarget {
    /// `org` or `org/repo`, as the change log names it.
    fn label(&self) -> String {
        match self {
            Self::Org(org) => org.clone(),
            Self::Repo { org, repo } => format!("{org}/{repo}"),
        }
    }

    /// A grant to change or remove does not exist (404).
    fn no_grant(&self, user_id: &str) -> ApiErr {
        let (code, what) = match self {
            Self::Org(_) => ("SVCSTG.SWR.4040078", "organization"),
            Self::Repo { .. } => ("SVCSTG.SWR.4040091", "repository"),
        };
        ApiErr::new(
            404,
            code,
            format!("{what} permission of user {user_id} does not exist"),
        )
    }

    /// A grant to create exists already (409).
    fn duplicate(&self, user_id: &str) -> ApiErr {
        let code = match self {
            Self::Org(_) => "SVCSTG.SWR.4090076",
            Self::Repo { .. } => "SVCSTG.SWR.4090089",
        };
        ApiErr::new(
            409,
            code,
            format!("permission of user {user_id} already exists"),
        )
    }
}

/// How a permission list is changed.
#[derive(Debug, Clone)]
pub enum PermOp {
    Create(Vec<UserAuth>),
    Update(Vec<UserAuth>),
    Delete(Vec<String>),
}

impl State {
    /// `GET .../access`: the caller's own level and everybody else's grants.
    pub fn access(&self, target: &PermTarget) -> Res<model::AccessInfo> {
        let (id, name, creator_name, perms) = match target {
            PermTarget::Org(org) => {
                let o = self.org(org)?;
                (o.id, &o.name, Some(o.creator_name.clone()), &o.perms)
            }
            PermTarget::Repo { org, repo } => {
                let r = self.repo(org, repo)?;
                (r.id, &r.name, None, &r.perms)
            }
        };
        Ok(model::AccessInfo {
            id,
            name: name.clone(),
            creator_name,
            self_auth: self.caller_auth(),
            others_auths: perms.clone(),
        })
    }

    fn perms_mut(&mut self, target: &PermTarget) -> Res<&mut Vec<UserAuth>> {
        Ok(match target {
            PermTarget::Org(org) => &mut self.org_mut(org)?.perms,
            PermTarget::Repo { org, repo } => &mut self.repo_mut(org, repo)?.perms,
        })
    }

    /// Applies a permission change; a failing request changes nothing.
    pub fn change_perms(&mut self, target: &PermTarget, op: PermOp) -> Res<()> {
        if let PermOp::Create(p) | PermOp::Update(p) = &op {
            check_auth(p)?;
        }
        let caller_id = self.caller.id.clone();
        let perms = self.perms_mut(target)?;
        let granted = |perms: &[UserAuth], id: &str| perms.iter().any(|e| e.user_id == id);
        // Validate the whole batch first so a failing request changes nothing.
        let verb = match &op {
            PermOp::Create(list) => {
                if let Some(p) = list
                    .iter()
                    .find(|p| p.user_id == caller_id || granted(perms, &p.user_id))
                {
                    return Err(target.duplicate(&p.user_id));
                }
                perms.extend(list.iter().cloned());
                "POST"
            }
            PermOp::Update(list) => {
                if let Some(p) = list.iter().find(|p| !granted(perms, &p.user_id)) {
                    return Err(target.no_grant(&p.user_id));
                }
                for p in list {
                    if let Some(e) = perms.iter_mut().find(|e| e.user_id == p.user_id) {
                        *e = p.clone();
                    }
                }
                "PATCH"
            }
            PermOp::Delete(ids) => {
                if let Some(id) = ids.iter().find(|id| !granted(perms, id)) {
                    return Err(target.no_grant(id));
                }
                perms.retain(|e| !ids.contains(&e.user_id));
                "DELETE"
            }
        };
        self.log(format!("{verb} access {}", target.label()));
        Ok(())
    }
}
