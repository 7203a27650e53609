//! Removing a user's permission on an organization or repository: a plain confirmation, or
//! one that asks twice when it is the user's own (they may lose access).

use super::Outcome;
use super::confirm::Subject;
use crate::app::model::Model;
use crate::app::msg::{Fetch, PermTarget, Write};
use crate::app::writes::send_write;
use crate::swr::model::UserAuth;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub target: PermTarget,
    pub user: UserAuth,
    pub is_self: bool,
}

impl Subject for Removal {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        let done = format!(
            "Removed {}'s permission on {}",
            self.user.user_name,
            self.target.label()
        );
        let refresh = Fetch::Perms(self.target.clone());
        let write = Write::RemovePermission {
            target: self.target.clone(),
            user_id: self.user.user_id.clone(),
        };
        Outcome::Done(vec![send_write(model, write, done, refresh)])
    }
}
