//! The AWS CLI's output formats: JSON (4-space indent, keys in AWS's order),
//! text (awscli/text.py) and table (awscli/table.py, 80 columns), after an
//! optional `--query` (JMESPath).

use serde_json::Value;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `json` (the default).
    Json,
    /// `text`.
    Text,
    /// `table`.
    Table,
}

impl Format {
    /// Parses `--output`'s value.
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "json" => Some(Format::Json),
            "text" => Some(Format::Text),
            "table" => Some(Format::Table),
            _ => None,
        }
    }
}

/// Applies a JMESPath expression; the error is the CLI's message.
pub fn query(expression: &str, data: &Value) -> Result<Value, String> {
    super::jmespath::search(expression, data).map_err(|e| {
        format!(
            "Bad value for --query {expression}: {}",
            e.render(expression)
        )
    })
}

/// Python's `json.dumps(value, indent=4, ensure_ascii=False)`.
pub fn json(value: &Value) -> String {
    let mut buffer = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut buffer, formatter);
    if serde::Serialize::serialize(value, &mut serializer).is_err() {
        return value.to_string();
    }
    String::from_utf8(buffer).unwrap_or_else(|_| value.to_string())
}

/// Formats a response (after the query) as the CLI prints it to standard output.
pub fn render(format: Format, title: &str, value: &Value) -> String {
    match format {
        Format::Json => {
            if value.as_object().is_some_and(|m| m.is_empty()) {
                String::new()
            } else {
                format!("{}\n", json(value))
            }
        }
        Format::Text => {
            let mut out = String::new();
            text_item(value, None, None, &mut out);
            out
        }
        Format::Table => table(title, value),
    }
}

/// Python's `str()` of a scalar.
pub fn py_str(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => json_inline(other),
    }
}

/// Python's `str()` of a list or dict (single quotes, `, ` and `: `).
fn json_inline(value: &Value) -> String {
    match value {
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(py_repr).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("'{k}': {}", py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => py_str(other),
    }
}

fn py_repr(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => json_inline(other),
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

fn text_item(
    item: &Value,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
    out: &mut String,
) {
    match item {
        Value::Object(map) => {
            let mut scalars: Vec<String> = Vec::new();
            let mut non_scalars: Vec<(&String, &Value)> = Vec::new();
            match scalar_keys {
                None => {
                    let mut keys: Vec<&String> = map.keys().collect();
                    iamsim_engine::sort::sort(&mut keys);
                    for key in keys {
                        let Some(value) = map.get(key) else { continue };
                        if is_scalar(value) {
                            scalars.push(py_str(value));
                        } else {
                            non_scalars.push((key, value));
                        }
                    }
                }
                Some(keys) => {
                    for key in keys {
                        scalars.push(map.get(key).map(py_str).unwrap_or_default());
                    }
                    let mut rest: Vec<&String> = map.keys().filter(|k| !keys.contains(k)).collect();
                    iamsim_engine::sort::sort(&mut rest);
                    for key in rest {
                        if let Some(value) = map.get(key) {
                            non_scalars.push((key, value));
                        }
                    }
                }
            }
            if !scalars.is_empty() {
                if let Some(id) = identifier {
                    scalars.insert(0, id.to_ascii_uppercase());
                }
                out.push_str(&scalars.join("\t"));
                out.push('\n');
            }
            for (key, value) in non_scalars {
                text_item(value, Some(key), None, out);
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                return;
            }
            if items.iter().any(Value::is_object) {
                let mut keys: Vec<String> = Vec::new();
                for element in items {
                    if let Value::Object(map) = element {
                        for (k, v) in map {
                            if is_scalar(v) && !keys.contains(k) {
                                keys.push(k.clone());
                            }
                        }
                    }
                }
                iamsim_engine::sort::sort(&mut keys);
                for element in items {
                    text_item(element, identifier, Some(&keys), out);
                }
            } else if items.iter().any(Value::is_array) {
                let scalars: Vec<&Value> = items.iter().filter(|v| is_scalar(v)).collect();
                if !scalars.is_empty() {
                    scalar_list(&scalars, identifier, out);
                }
                for element in items.iter().filter(|v| !is_scalar(v)) {
                    text_item(element, identifier, None, out);
                }
            } else {
                let all: Vec<&Value> = items.iter().collect();
                scalar_list(&all, identifier, out);
            }
        }
        scalar => {
            out.push_str(&py_str(scalar));
            out.push('\n');
        }
    }
}

fn scalar_list(elements: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(id) => {
            for item in elements {
                out.push_str(&format!("{}\t{}\n", id.to_ascii_uppercase(), py_str(item)));
            }
        }
        None => {
            out.push_str(
                &elements
                    .iter()
                    .map(|v| py_str(v))
                    .collect::<Vec<_>>()
                    .join("\t"),
            );
            out.push('\n');
        }
    }
}

// ---- table ----

#[derive(Default, Debug)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
    max_widths: Vec<usize>,
}

impl Section {
    fn update_widths(&mut self, row: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|c| c.chars().count()).collect();
        } else {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = self.max_widths.get_mut(i) {
                    *w = (*w).max(cell.chars().count());
                }
            }
        }
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.update_widths(&headers);
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        self.update_widths(&row);
        self.rows.push(row);
    }

    fn column_widths(&self, padding: usize, max_width: Option<usize>) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + padding).collect();
        let Some(max_width) = max_width else {
            return unscaled;
        };
        let sum: usize = unscaled.iter().sum();
        if unscaled.is_empty() || sum == 0 {
            return unscaled;
        }
        let scale = max_width as f64 / sum as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|w| round_half_even(scale * *w as f64))
            .collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - max_width as i64;
        let len = scaled.len();
        let mut guard = 0;
        while off_by != 0 && guard < 10_000 {
            guard += 1;
            let order: Vec<usize> = if off_by < 0 {
                (0..len).rev().collect()
            } else {
                (0..len).collect()
            };
            for i in order {
                if let Some(cell) = scaled.get_mut(i) {
                    if off_by > 0 {
                        *cell -= 1;
                        off_by -= 1;
                    } else {
                        *cell += 1;
                        off_by += 1;
                    }
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
            .into_iter()
            .map(|w| usize::try_from(w).unwrap_or(0))
            .collect()
    }

    fn total_width(&self, padding: usize, outer: usize) -> usize {
        let total: usize = self
            .column_widths(0, None)
            .iter()
            .map(|w| w + padding)
            .sum::<usize>()
            + 2
            + outer * 2;
        (self.title.chars().count() + 2 + outer * 2).max(total)
    }
}

fn round_half_even(x: f64) -> i64 {
    let floor = x.floor();
    let diff = x - floor;
    let f = floor as i64;
    if (diff - 0.5).abs() < 1e-9 {
        if f % 2 == 0 { f } else { f + 1 }
    } else if diff > 0.5 {
        f + 1
    } else {
        f
    }
}

fn spaces(n: i64) -> String {
    " ".repeat(usize::try_from(n).unwrap_or(0))
}

fn center_text(text: &str, length: usize, left: &str, right: &str) -> String {
    let text_length = text.chars().count() as i64;
    let length = length as i64;
    let char_start = (length.div_euclid(2)) - (text_length.div_euclid(2)) - 1;
    let so_far = left.chars().count() as i64 + char_start.max(0) + text_length;
    let right_spaces = length - right.chars().count() as i64 - so_far;
    format!(
        "{left}{}{text}{}{right}",
        spaces(char_start),
        spaces(right_spaces)
    )
}

fn align_left(text: &str, length: usize, left: &str, right: &str) -> String {
    let text_length = text.chars().count();
    let computed = text_length + 2 + left.chars().count() + right.chars().count();
    let padding = if length >= computed { 2 } else { 0 };
    let so_far = left.chars().count() + padding + text_length;
    let rest = length as i64 - so_far as i64 - right.chars().count() as i64;
    format!("{left}{}{text}{}{right}", " ".repeat(padding), spaces(rest))
}

struct Table {
    sections: Vec<Section>,
}

impl Table {
    fn current(&mut self) -> Option<&mut Section> {
        self.sections.last_mut()
    }

    fn new_section(&mut self, title: &str, indent: usize) {
        self.sections.push(Section {
            title: title.to_string(),
            indent,
            ..Section::default()
        });
    }

    fn build(&mut self, title: Option<&str>, current: &Value, indent: usize) -> bool {
        if is_falsy(current) {
            return false;
        }
        if let Some(title) = title {
            self.new_section(title, indent);
        }
        match current {
            Value::Array(items) => {
                if items.first().is_some_and(Value::is_object) {
                    self.sub_table_from_list(items, indent, title.unwrap_or(""));
                } else {
                    for item in items {
                        if is_scalar(item) {
                            if let Some(s) = self.current() {
                                s.add_row(vec![py_str(item)]);
                            }
                        } else if let Value::Array(inner) = item
                            && inner.iter().all(is_scalar)
                        {
                            if let Some(s) = self.current() {
                                s.add_row(inner.iter().map(py_str).collect());
                            }
                        } else {
                            self.build(None, item, 0);
                        }
                    }
                }
            }
            Value::Object(map) => self.sub_table_from_dict(map, indent),
            _ => {}
        }
        true
    }

    fn sub_table_from_dict(&mut self, map: &serde_json::Map<String, Value>, indent: usize) {
        let (headers, more) = group_keys(map);
        if let [only] = headers.as_slice() {
            let value = map.get(only).map(py_str).unwrap_or_default();
            if let Some(s) = self.current() {
                s.add_row(vec![only.clone(), value]);
            }
        } else if !headers.is_empty() {
            let row: Vec<String> = headers
                .iter()
                .map(|k| map.get(k).map(py_str).unwrap_or_default())
                .collect();
            if let Some(s) = self.current() {
                s.add_header(headers.clone());
                s.add_row(row);
            }
        }
        for key in more {
            if let Some(value) = map.get(&key) {
                self.build(Some(&key), value, indent + 1);
            }
        }
    }

    fn sub_table_from_list(&mut self, items: &[Value], indent: usize, title: &str) {
        let mut headers: Vec<String> = Vec::new();
        let mut more: Vec<String> = Vec::new();
        for item in items {
            if let Value::Object(map) = item {
                let (h, m) = group_keys(map);
                for k in h {
                    if !headers.contains(&k) {
                        headers.push(k);
                    }
                }
                for k in m {
                    if !more.contains(&k) {
                        more.push(k);
                    }
                }
            }
        }
        iamsim_engine::sort::sort(&mut headers);
        iamsim_engine::sort::sort(&mut more);
        if let Some(s) = self.current() {
            s.add_header(headers.clone());
        }
        for (i, element) in items.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                self.new_section(title, indent);
                if let Some(s) = self.current() {
                    s.add_header(headers.clone());
                }
            }
            let row: Vec<String> = headers
                .iter()
                .map(|h| element.get(h).map(py_str).unwrap_or_default())
                .collect();
            if let Some(s) = self.current() {
                s.add_row(row);
            }
            for key in &more {
                if let Some(value) = element.get(key) {
                    self.build(Some(key), value, indent + 1);
                }
            }
        }
    }

    fn max_width(&self) -> usize {
        self.sections
            .iter()
            .map(|s| s.total_width(4, s.indent))
            .max()
            .unwrap_or(0)
    }

    fn render(mut self) -> String {
        let mut max_width = self.max_width();
        if max_width > TERMINAL_WIDTH {
            for section in &mut self.sections {
                if section.rows.len() == 1 && !section.headers.is_empty() {
                    let headers = std::mem::take(&mut section.headers);
                    let row = section.rows.pop().unwrap_or_default();
                    section.max_widths.clear();
                    for (h, v) in headers.into_iter().zip(row) {
                        section.add_row(vec![h, v]);
                    }
                }
            }
            max_width = self.max_width();
        }
        let mut out = format!("{}\n", "-".repeat(max_width));
        for section in &self.sections {
            let width = max_width.saturating_sub(section.indent * 2);
            let edge = "|".repeat(section.indent);
            let mut line = |text: String| {
                out.push_str(&format!("{edge}{text}{edge}\n"));
            };
            if !section.title.is_empty() {
                line(center_text(&section.title, width, "|", "|"));
                if section.headers.is_empty() && section.rows.is_empty() {
                    line(format!("+{}+", "-".repeat(width.saturating_sub(2))));
                }
            }
            let widths = section.column_widths(4, Some(width));
            let line_break = |widths: &[usize]| -> String {
                let mut text = String::new();
                for (i, w) in widths.iter().enumerate() {
                    if i == 0 {
                        text.push_str(&format!("+{}+", "-".repeat(w.saturating_sub(2))));
                    } else {
                        text.push_str(&format!("{}+", "-".repeat(w.saturating_sub(1))));
                    }
                }
                text
            };
            if !section.headers.is_empty() {
                let mut current = String::new();
                for (i, (w, h)) in widths.iter().zip(&section.headers).enumerate() {
                    current.push_str(&center_text(h, *w, if i == 0 { "|" } else { "" }, "|"));
                }
                line(line_break(&widths));
                line(current);
            }
            if !section.rows.is_empty() && !widths.is_empty() {
                line(line_break(&widths));
                for row in &section.rows {
                    let mut current = String::new();
                    for (i, (w, cell)) in widths.iter().zip(row).enumerate() {
                        current.push_str(&align_left(cell, *w, if i == 0 { "|" } else { "" }, "|"));
                    }
                    line(current);
                }
                line(line_break(&widths));
            }
        }
        out
    }
}

/// The CLI's table width when it cannot ask the terminal.
const TERMINAL_WIDTH: usize = 80;

fn is_falsy(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
    }
}

fn group_keys(map: &serde_json::Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let mut headers: Vec<String> = Vec::new();
    let mut more: Vec<String> = Vec::new();
    for (k, v) in map {
        if is_scalar(v) {
            headers.push(k.clone());
        } else {
            more.push(k.clone());
        }
    }
    iamsim_engine::sort::sort(&mut headers);
    iamsim_engine::sort::sort(&mut more);
    (headers, more)
}

/// The table formatter, titled with the operation's API name.
pub fn table(title: &str, value: &Value) -> String {
    let mut table = Table {
        sections: Vec::new(),
    };
    if !table.build(Some(title), value, 0) {
        return String::new();
    }
    table.render()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_format_follows_awscli() {
        let value = json!({"Reservations": [{"Instances": [{"InstanceId": "i-1", "State": {"Name": "running", "Code": 16}}], "ReservationId": "r-1"}]});
        assert_eq!(
            render(Format::Text, "DescribeInstances", &value),
            "RESERVATIONS\tr-1\nINSTANCES\ti-1\nSTATE\t16\trunning\n"
        );
        assert_eq!(render(Format::Text, "X", &json!(["a", "b"])), "a\tb\n");
        assert_eq!(render(Format::Text, "X", &json!(null)), "None\n");
    }

    #[test]
    fn json_uses_four_spaces_and_hides_empty_objects() {
        assert_eq!(
            render(Format::Json, "X", &json!({"A": [1]})),
            "{\n    \"A\": [\n        1\n    ]\n}\n"
        );
        assert_eq!(render(Format::Json, "X", &json!({})), "");
        assert_eq!(render(Format::Json, "X", &json!([])), "[]\n");
    }

    #[test]
    fn table_has_title_and_box() {
        let value = json!({"UserId": "AIDA", "Account": "123456789012", "Arn": "arn:aws:iam::123456789012:user/admin"});
        let text = table("GetCallerIdentity", &value);
        let expected = "\
--------------------------------------------------------------------
|                         GetCallerIdentity                        |
+--------------+----------------------------------------+----------+
|    Account   |                  Arn                   | UserId   |
+--------------+----------------------------------------+----------+
|  123456789012|  arn:aws:iam::123456789012:user/admin  |  AIDA    |
+--------------+----------------------------------------+----------+
";
        assert_eq!(text, expected);
    }

    #[test]
    fn bare_backtick_literals_are_strings() {
        let value = json!({"Roles": [{"Path": "/team/", "Name": "a"}, {"Path": "/", "Name": "b"}]});
        assert_eq!(
            query("Roles[?Path==`/team/`].Name", &value).unwrap(),
            json!(["a"])
        );
        assert_eq!(
            query("Roles[?Path==`\"/\"`].Name", &value).unwrap(),
            json!(["b"])
        );
    }

    #[test]
    fn queries_project() {
        let value =
            json!({"Reservations": [{"Instances": [{"IamInstanceProfile": {"Arn": "a"}}]}]});
        assert_eq!(
            query("Reservations[].Instances[].IamInstanceProfile.Arn", &value).unwrap(),
            json!(["a"])
        );
    }
}
