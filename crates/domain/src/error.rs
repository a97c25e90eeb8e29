//! What kind of refusal a domain error is, so every protocol boundary can map
//! it to a stable code without knowing each aggregate's error enum.

/// The category of a business refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input is malformed or out of range.
    Validation,
    /// The input is fine but the aggregate's state does not allow it.
    InvalidState,
    /// The aggregate the command is addressed to does not exist.
    NotFound,
    /// The aggregate already exists.
    AlreadyExists,
    /// A rule of the concept reserves the step to someone else (a body
    /// decides as a body, not one of its members): the caller may not take
    /// it, whatever the state.
    Forbidden,
}

/// Implemented by every domain error enum.
pub trait Classify {
    fn kind(&self) -> ErrorKind;

    /// Machine-readable facts about the refusal that a client can act on
    /// (the current state and the allowed next steps, say), which protocol
    /// boundaries pass on next to the code.
    fn details(&self) -> Option<serde_json::Value> {
        None
    }

    /// The rule of the national concept (or of the body's own rules) the
    /// refusal applies, when it applies one: the boundary shows that rule
    /// in the caller's language.
    fn rule(&self) -> Option<crate::ConceptRule> {
        None
    }

    /// The input the refusal is about, when it is about one (an empty
    /// title, a missing reason, a due date too early), by the snake_case
    /// name of the command's field: a form shows the refusal next to it.
    fn field(&self) -> Option<&'static str> {
        None
    }
}

/// The input a required text is read from, by the name its refusal gives
/// it ("a reason is required"). The `Required(name)` refusals carry a name
/// for people; a one-word name is also the input's key, the longer ones are
/// listed here.
pub(crate) fn required_input(name: &'static str) -> Option<&'static str> {
    let key = match name {
        "decision outcome" => "outcome",
        "reason for revising the sent agenda" => "reason",
        "report's narrative" => "narrative",
        "action field's description" => "description",
        "final report" => "report",
        "EKG statement" => "statement",
        "situation and question" => "question",
        "output and process" => "output",
        "progress report" => "text",
        "decision reference" | "decision text" => "decision",
        "final assessment" => "assessment",
        "summary of the changes" => "summary",
        "translated text" => "translations",
        "focus areas" => "focus_areas",
        one_word if !one_word.is_empty() && one_word.bytes().all(|b| b.is_ascii_lowercase()) => {
            one_word
        }
        _ => return None,
    };
    Some(key)
}

/// The names of the steps a workflow allows, for a message ("nothing" when
/// none).
pub(crate) fn list_actions<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    if names.is_empty() {
        "nothing".to_owned()
    } else {
        names.join(", ")
    }
}

/// The details of a step the workflow does not allow now: what was asked,
/// the state, and what the state allows.
pub(crate) fn not_allowed_details<'a>(
    action: &str,
    state: &str,
    allowed: impl IntoIterator<Item = &'a str>,
) -> serde_json::Value {
    serde_json::json!({
        "action": action,
        "state": state,
        "allowed": allowed.into_iter().collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::required_input;

    #[test]
    fn a_required_text_names_the_input_it_is_read_from() {
        assert_eq!(required_input("reason"), Some("reason"));
        assert_eq!(required_input("final assessment"), Some("assessment"));
        assert_eq!(required_input("translated text"), Some("translations"));
        assert_eq!(required_input("something else entirely"), None);
    }
}
