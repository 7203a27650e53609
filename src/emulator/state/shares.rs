//! Sharing a repository with other accounts: list, show, create, extend, revoke.

use super::*;

impl State {
    pub(super) fn share_view(&self, org: &str, repo: &str, s: &Share) -> AccessDomain {
        let valid = s.deadline == "forever"
            || DateTime::parse_from_rfc3339(&s.deadline)
                .map(|d| d.with_timezone(&Utc) + Duration::days(1) > Utc::now())
                .unwrap_or(false);
        AccessDomain {
            namespace: org.to_string(),
            repository: repo.to_string(),
            access_domain: s.access_domain.clone(),
            permit: s.permit.clone(),
            deadline: s.deadline.clone(),
            description: s.description.clone(),
            creator_id: self.caller.id.clone(),
            creator_name: self.caller.name.clone(),
            created: fmt_time(s.created),
            updated: fmt_time(s.updated),
            status: valid,
            exist: None,
        }
    }

    pub fn list_shares(&self, org: &str, repo: &str) -> Res<Vec<AccessDomain>> {
        let r = self.repo(org, repo)?;
        Ok(r.shares
            .iter()
            .map(|s| self.share_view(org, repo, s))
            .collect())
    }

    pub fn show_share(&self, org: &str, repo: &str, domain: &str) -> Res<AccessDomain> {
        let r = self.repo(org, repo)?;
        let s = r
            .shares
            .iter()
            .find(|s| s.access_domain == domain)
            .ok_or_else(|| no_share(domain))?;
        let mut view = self.share_view(org, repo, s);
        view.exist = Some(true);
        Ok(view)
    }

    pub fn create_share(
        &mut self,
        org: &str,
        repo: &str,
        body: &model::CreateAccessDomain,
    ) -> Res<()> {
        check_share(&body.permit, &body.deadline)?;
        if body.access_domain.is_empty() {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4000014",
                "access_domain is required",
            ));
        }
        let r = self.repo_mut(org, repo)?;
        if r.shares
            .iter()
            .any(|s| s.access_domain == body.access_domain)
        {
            return Err(ApiErr::new(
                409,
                "SVCSTG.SWR.4090006",
                format!("repository already shared with {}", body.access_domain),
            ));
        }
        let now = Utc::now();
        r.shares.push(Share {
            access_domain: body.access_domain.clone(),
            permit: body.permit.clone(),
            deadline: body.deadline.clone(),
            description: body.description.clone().unwrap_or_default(),
            created: now,
            updated: now,
        });
        self.log(format!("POST share {org}/{repo} {}", body.access_domain));
        Ok(())
    }

    pub fn update_share(
        &mut self,
        org: &str,
        repo: &str,
        domain: &str,
        body: &model::UpdateAccessDomain,
    ) -> Res<()> {
        check_share(&body.permit, &body.deadline)?;
        let r = self.repo_mut(org, repo)?;
        let s = r
            .shares
            .iter_mut()
            .find(|s| s.access_domain == domain)
            .ok_or_else(|| no_share(domain))?;
        s.permit = body.permit.clone();
        s.deadline = body.deadline.clone();
        if let Some(d) = &body.description {
            s.description = d.clone();
        }
        s.updated = Utc::now();
        self.log(format!("PATCH share {org}/{repo} {domain}"));
        Ok(())
    }

    pub fn delete_share(&mut self, org: &str, repo: &str, domain: &str) -> Res<()> {
        let r = self.repo_mut(org, repo)?;
        let before = r.shares.len();
        r.shares.retain(|s| s.access_domain != domain);
        if r.shares.len() == before {
            return Err(no_share(domain));
        }
        self.log(format!("DELETE share {org}/{repo} {domain}"));
        Ok(())
    }

    // ------------------------------------------------------------ account-wide numbers
}

pub(super) fn no_share(domain: &str) -> ApiErr {
    ApiErr::new(
        404,
        "SVCSTG.SWR.4040017",
        format!("access domain {domain} not found"),
    )
}

pub(super) fn check_share(permit: &str, deadline: &str) -> Res<()> {
    if permit != "read" {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            format!("invalid permit: {permit} (only \"read\")"),
        ));
    }
    if deadline != "forever" && DateTime::parse_from_rfc3339(deadline).is_err() {
        return Err(ApiErr::bad_request(
            "SVCSTG.SWR.4000014",
            format!("invalid deadline: {deadline}"),
        ));
    }
    Ok(())
}
