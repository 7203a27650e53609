//! Who may do what: the permission lists of organizations and repositories.

use super::*;

impl State {
    pub fn org_access(&self, name: &str) -> Res<model::AccessInfo> {
        let org = self.org(name)?;
        Ok(model::AccessInfo {
            id: org.id,
            name: org.name.clone(),
            creator_name: Some(org.creator_name.clone()),
            self_auth: self.caller_auth(),
            others_auths: org.perms.clone(),
        })
    }

    pub fn repo_access(&self, org: &str, repo: &str) -> Res<model::AccessInfo> {
        let r = self.repo(org, repo)?;
        Ok(model::AccessInfo {
            id: r.id,
            name: r.name.clone(),
            creator_name: None,
            self_auth: self.caller_auth(),
            others_auths: r.perms.clone(),
        })
    }

    /// Applies a permission change to an org (`repo` = None) or a repository.
    pub fn change_perms(&mut self, org: &str, repo: Option<&str>, op: PermOp) -> Res<()> {
        if let PermOp::Create(p) | PermOp::Update(p) = &op {
            check_auth(p)?;
        }
        let caller_id = self.caller.id.clone();
        let is_org = repo.is_none();
        let perms = match repo {
            None => &mut self.org_mut(org)?.perms,
            Some(r) => &mut self.repo_mut(org, r)?.perms,
        };
        let (missing, duplicate) = if is_org {
            (("SVCSTG.SWR.4040078", "organization"), "SVCSTG.SWR.4090076")
        } else {
            (("SVCSTG.SWR.4040091", "repository"), "SVCSTG.SWR.4090089")
        };
        let not_found = |id: &str| {
            ApiErr::new(
                404,
                missing.0,
                format!("{} permission of user {id} does not exist", missing.1),
            )
        };
        // Validate the whole batch first so a failing request changes nothing.
        let verb = match &op {
            PermOp::Create(list) => {
                for p in list {
                    if p.user_id == caller_id || perms.iter().any(|e| e.user_id == p.user_id) {
                        return Err(ApiErr::new(
                            409,
                            duplicate,
                            format!("permission of user {} already exists", p.user_id),
                        ));
                    }
                }
                perms.extend(list.iter().cloned());
                "POST"
            }
            PermOp::Update(list) => {
                if let Some(p) = list
                    .iter()
                    .find(|p| !perms.iter().any(|e| e.user_id == p.user_id))
                {
                    return Err(not_found(&p.user_id));
                }
                for p in list {
                    if let Some(e) = perms.iter_mut().find(|e| e.user_id == p.user_id) {
                        *e = p.clone();
                    }
                }
                "PATCH"
            }
            PermOp::Delete(ids) => {
                if let Some(id) = ids
                    .iter()
                    .find(|id| !perms.iter().any(|e| &e.user_id == *id))
                {
                    return Err(not_found(id));
                }
                perms.retain(|e| !ids.contains(&e.user_id));
                "DELETE"
            }
        };
        let target = repo.map_or(org.to_string(), |r| format!("{org}/{r}"));
        self.log(format!("{verb} access {target}"));
        Ok(())
    }

    // ------------------------------------------------------------ repositories
}

/// How a permission list is changed.
#[derive(Debug, Clone)]
pub enum PermOp {
    Create(Vec<UserAuth>),
    Update(Vec<UserAuth>),
    Delete(Vec<String>),
}
