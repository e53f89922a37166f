//! A small English pluralizer for collection accessors (`message` →
//! `messages`) and its inverse for item accessors (`orders` → `order`):
//! regular endings, a short list of words without a plural, and a few
//! irregular ones. Anything they get wrong the overlay names
//! (`resources.<literal>`).

/// Words that are their own plural.
const SAME: &[&str] = &[
    "audio",
    "data",
    "equipment",
    "feedback",
    "info",
    "information",
    "media",
    "metadata",
    "news",
    "pricing",
    "series",
    "software",
    "species",
];

/// Irregular plurals.
const IRREGULAR: &[(&str, &str)] = &[
    ("calf", "calves"),
    ("child", "children"),
    ("half", "halves"),
    ("knife", "knives"),
    ("leaf", "leaves"),
    ("life", "lives"),
    ("man", "men"),
    ("person", "people"),
    ("shelf", "shelves"),
    ("wife", "wives"),
    ("wolf", "wolves"),
    ("woman", "women"),
];

/// The plural of a snake_case name: its last word pluralized.
pub(crate) fn pluralize(name: &str) -> String {
    let (head, last) = match name.rfind('_') {
        Some(at) => name.split_at(at + 1),
        None => ("", name),
    };
    format!("{head}{}", plural_word(last))
}

/// The singular of a snake_case name: its last word made singular.
pub(crate) fn singularize(name: &str) -> String {
    let (head, last) = match name.rfind('_') {
        Some(at) => name.split_at(at + 1),
        None => ("", name),
    };
    format!("{head}{}", singular_word(last))
}

fn singular_word(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if SAME.contains(&lower.as_str()) {
        return word.to_owned();
    }
    if let Some((one, _)) = IRREGULAR.iter().find(|(_, many)| *many == lower) {
        return (*one).to_owned();
    }
    let ends = |suffix: &str| lower.ends_with(suffix);
    let cut = |n: usize| word[..word.len() - n].to_owned();
    if ends("ies") && word.len() > 4 {
        return format!("{}y", cut(3));
    }
    if ["sses", "xes", "zes", "ches", "shes", "uses"]
        .iter()
        .any(|s| ends(s))
    {
        return cut(2);
    }
    if ends("s") && !ends("ss") && !ends("us") && !ends("is") && word.len() > 1 {
        return cut(1);
    }
    word.to_owned()
}

fn plural_word(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if lower.is_empty() || SAME.contains(&lower.as_str()) {
        return word.to_owned();
    }
    if let Some((_, plural)) = IRREGULAR.iter().find(|(one, _)| *one == lower) {
        return (*plural).to_owned();
    }
    let ends = |suffix: &str| lower.ends_with(suffix);
    // Already plural: a final `s` that is not part of `ss`, `us` or `is`.
    if ends("s") && !ends("ss") && !ends("us") && !ends("is") {
        return word.to_owned();
    }
    let vowel_before_last = lower
        .chars()
        .rev()
        .nth(1)
        .is_some_and(|c| "aeiou".contains(c));
    if ends("y") && !vowel_before_last {
        return format!("{}ies", &word[..word.len() - 1]);
    }
    if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") {
        return format!("{word}es");
    }
    format!("{word}s")
}

#[cfg(test)]
mod tests {
    use super::{pluralize, singularize};

    #[test]
    fn singular_words() {
        for (many, one) in [
            ("orders", "order"),
            ("members", "member"),
            ("identities", "identity"),
            ("addresses", "address"),
            ("statuses", "status"),
            ("boxes", "box"),
            ("end_users", "end_user"),
            ("message", "message"),
            ("status", "status"),
            ("media", "media"),
            ("people", "person"),
            ("shelves", "shelf"),
            ("s", "s"),
        ] {
            assert_eq!(singularize(many), one, "{many}");
            assert_eq!(pluralize(&singularize(many)), pluralize(one), "{many}");
        }
    }

    #[test]
    fn regular_and_irregular_words() {
        for (one, many) in [
            ("message", "messages"),
            ("call", "calls"),
            ("end_user", "end_users"),
            ("identity", "identities"),
            ("address", "addresses"),
            ("status", "statuses"),
            ("box", "boxes"),
            ("branch", "branches"),
            ("day", "days"),
            ("verified_caller_id", "verified_caller_ids"),
            ("media", "media"),
            ("pricing", "pricing"),
            ("members", "members"),
            ("person", "people"),
            ("", ""),
        ] {
            assert_eq!(pluralize(one), many, "{one}");
        }
    }
}
