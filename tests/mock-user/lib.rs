//! A user's own code, as an application would write it over plivo: add an
//! agent to a conference, and decide what to do when that fails. Its tests
//! (`tests/`) run it against `plivo::mock`, as a user of the crate would.

use plivo::{AddUserRequest, AddUserRequestRequired, Client, Delivery, Role};

/// What became of an attempt to bring an agent into a call.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The agent is being dialled.
    Dialling,
    /// Plivo refused or could not be reached: safe to try again later.
    TryLater,
    /// The request may have gone through: check the call before retrying,
    /// or the agent's phone may ring twice.
    CheckBeforeRetrying,
}

/// Adds `agent` to the conference node `node` of PHLO `phlo`.
pub async fn bring_in_agent(client: &Client, phlo: &str, node: &str, agent: &str) -> Outcome {
    let request = AddUserRequest::new(AddUserRequestRequired {
        to: agent.into(),
        role: Role::Agent,
        trigger_source: "+14152223333".into(),
    });
    match client
        .phlo(phlo)
        .multi_party_call(node)
        .add_user(&request)
        .await
    {
        Ok(_) => Outcome::Dialling,
        Err(e) if e.delivery() == Delivery::Unknown => Outcome::CheckBeforeRetrying,
        Err(_) => Outcome::TryLater,
    }
}
