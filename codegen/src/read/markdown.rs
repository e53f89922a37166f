//! Argument tables in descriptions: the Markdown tables API docs use to say
//! which body fields exist and which are required.

/// How an argument table marks a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Requirement {
    Required,
    /// Required only in some cases; the type says optional.
    Conditional,
    Optional,
}

/// One row of an argument table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Argument {
    pub name: String,
    pub description: String,
    pub requirement: Option<Requirement>,
}

/// Rows of the first table in `text` whose header names an argument column,
/// such as `| Arguments | Description | Required/Conditional/Optional |`.
pub(crate) fn argument_table(text: &str) -> Vec<Argument> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with('|') {
            continue;
        }
        let header = cells(line);
        let is_rule = lines.get(i + 1).is_some_and(|l| is_separator(l));
        let Some(name_col) = header.iter().position(|h| is_name_header(h)) else {
            continue;
        };
        if !is_rule {
            continue;
        }
        let desc_col = header
            .iter()
            .position(|h| h.to_ascii_lowercase().contains("desc"));
        let req_col = header.iter().position(|h| {
            let h = h.to_ascii_lowercase();
            h.contains("required") || h.contains("optional")
        });
        return lines[i + 2..]
            .iter()
            .take_while(|l| l.starts_with('|'))
            .filter_map(|row| {
                let row = cells(row);
                let name = clean_name(row.get(name_col)?);
                if name.is_empty() {
                    return None;
                }
                Some(Argument {
                    name,
                    description: desc_col
                        .and_then(|c| row.get(c))
                        .map(|d| d.trim().to_owned())
                        .unwrap_or_default(),
                    requirement: req_col
                        .and_then(|c| row.get(c))
                        .and_then(|r| requirement(r)),
                })
            })
            .collect();
    }
    Vec::new()
}

fn is_name_header(cell: &str) -> bool {
    let cell = cell.to_ascii_lowercase();
    ["argument", "param", "field", "name", "attribute"]
        .iter()
        .any(|w| cell.contains(w))
}

fn is_separator(line: &str) -> bool {
    line.starts_with('|')
        && line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Cells of a table row; `\|` does not split.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                if let Some(last) = out.last_mut() {
                    last.push('|');
                }
            }
            '|' => out.push(String::new()),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    out.into_iter().map(|c| c.trim().to_owned()).collect()
}

fn clean_name(cell: &str) -> String {
    cell.trim_matches(|c: char| c == '`' || c == '*' || c == '_' || c.is_whitespace())
        .to_owned()
}

fn requirement(cell: &str) -> Option<Requirement> {
    let cell = cell.trim().to_ascii_lowercase();
    if cell.starts_with("required") || cell == "yes" || cell == "true" {
        Some(Requirement::Required)
    } else if cell.starts_with("conditional") {
        Some(Requirement::Conditional)
    } else if cell.starts_with("optional") || cell == "no" || cell == "false" {
        Some(Requirement::Optional)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_TABLE: &str = "Intro [here](https://x.y/z)\n\n\
| Arguments   | Description | Required/Conditional/Optional     |\n\
| :---        |    :----:   |          ---: |\n\
| action      | Set this parameter \"call\".| Required  |\n\
| to   | Phone number | Required      |\n\
| `role`   | Role. | Conditional |\n\
| extra | x | Optional |";

    #[test]
    fn reads_the_argument_table() {
        let rows = argument_table(SEED_TABLE);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].name, "action");
        assert_eq!(rows[0].description, "Set this parameter \"call\".");
        assert_eq!(rows[0].requirement, Some(Requirement::Required));
        assert_eq!(rows[2].name, "role");
        assert_eq!(rows[2].requirement, Some(Requirement::Conditional));
        assert_eq!(rows[3].requirement, Some(Requirement::Optional));
    }

    #[test]
    fn ignores_tables_without_an_argument_column() {
        assert!(argument_table("| a | b |\n|---|---|\n| 1 | 2 |").is_empty());
        assert!(argument_table("no table").is_empty());
    }
}
