//! `curl`: the only server on the simulated network is the instance metadata
//! service at 169.254.169.254 (also `instance-data`), reachable from instances
//! and their containers. Everything else fails with curl's own messages and
//! exit codes.

use iamsim_engine::imds::{HttpRequest, HttpResponse};
use iamsim_engine::world::World;

use crate::host::{Host, HostKind};
use crate::io::Out;

/// The address of the instance metadata service.
pub const IMDS_ADDRESS: &str = "169.254.169.254";

/// The curl version the simulated hosts have.
const USER_AGENT: &str = "curl/8.5.0";

#[derive(Debug, Default)]
struct Options {
    silent: bool,
    show_error: bool,
    include: bool,
    verbose: bool,
    head: bool,
    fail: bool,
    method: Option<String>,
    headers: Vec<(String, String)>,
    output: Option<String>,
    write_out: Option<String>,
    connect_timeout: Option<f64>,
    max_time: Option<f64>,
    url: Option<String>,
}

fn usage_error(out: &mut Out, message: &str) -> Out {
    out.errln(format!("curl: {message}"));
    out.fail(
        2,
        "curl: try 'curl --help' or 'curl --manual' for more information",
    );
    std::mem::take(out)
}

fn parse_options(args: &[String], out: &mut Out) -> Result<Options, Out> {
    let mut o = Options::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str, out: &mut Out| -> Result<String, Out> {
            iter.next()
                .cloned()
                .ok_or_else(|| usage_error(out, &format!("option {name}: requires parameter")))
        };
        match arg.as_str() {
            "--silent" => o.silent = true,
            "--show-error" => o.show_error = true,
            "--include" => o.include = true,
            "--verbose" => o.verbose = true,
            "--head" => o.head = true,
            "--fail" => o.fail = true,
            "--location" | "--insecure" | "--compressed" | "-L" | "-k" => {}
            "--request" => o.method = Some(value(arg, out)?),
            "--header" => o.headers.extend(header(&value(arg, out)?)),
            "--output" => o.output = Some(value(arg, out)?),
            "--write-out" => o.write_out = Some(value(arg, out)?),
            "--connect-timeout" => {
                o.connect_timeout = Some(number(arg, &value(arg, out)?, out)?);
            }
            "--max-time" => o.max_time = Some(number(arg, &value(arg, out)?, out)?),
            "--url" => o.url = Some(value(arg, out)?),
            long if long.starts_with("--") => {
                return Err(usage_error(out, &format!("option {long}: is unknown")));
            }
            short if short.starts_with('-') && short.len() > 1 => {
                let letters: Vec<char> = short.chars().skip(1).collect();
                for (i, c) in letters.iter().enumerate() {
                    let last = i + 1 == letters.len();
                    let takes = matches!(c, 'X' | 'H' | 'o' | 'w' | 'm');
                    if takes && !last {
                        // `-XPUT`: the rest of the word is the value.
                        let rest: String = letters.iter().skip(i + 1).collect();
                        apply_short(&mut o, *c, rest, out)?;
                        break;
                    }
                    if takes {
                        let v = value(&format!("-{c}"), out)?;
                        apply_short(&mut o, *c, v, out)?;
                        continue;
                    }
                    match c {
                        's' => o.silent = true,
                        'S' => o.show_error = true,
                        'i' => o.include = true,
                        'v' => o.verbose = true,
                        'I' => o.head = true,
                        'f' => o.fail = true,
                        'L' | 'k' => {}
                        other => {
                            return Err(usage_error(out, &format!("option -{other}: is unknown")));
                        }
                    }
                }
            }
            url => o.url = Some(url.to_string()),
        }
    }
    Ok(o)
}

fn apply_short(o: &mut Options, c: char, v: String, out: &mut Out) -> Result<(), Out> {
    match c {
        'X' => o.method = Some(v),
        'H' => o.headers.extend(header(&v)),
        'o' => o.output = Some(v),
        'w' => o.write_out = Some(v),
        _ => o.max_time = Some(number("-m", &v, out)?),
    }
    Ok(())
}

fn number(name: &str, text: &str, out: &mut Out) -> Result<f64, Out> {
    text.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .ok_or_else(|| {
            usage_error(
                out,
                &format!("option {name}: expected a proper numerical parameter"),
            )
        })
}

fn header(text: &str) -> Option<(String, String)> {
    let (name, value) = text.split_once(':')?;
    Some((name.trim().to_string(), value.trim().to_string()))
}

/// The reason phrase for a status code.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

struct Url {
    host: String,
    port: u16,
    path: String,
}

fn parse_url(text: &str) -> Result<Url, String> {
    let (scheme, rest) = match text.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("http".to_string(), text),
    };
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        other => return Err(format!("curl: (1) Protocol \"{other}\" not supported")),
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (rest.get(..i).unwrap_or(""), rest.get(i..).unwrap_or("/")),
        None => (rest, "/"),
    };
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.contains(']') || authority.ends_with(']') => match p.parse::<u16>() {
            Ok(port) => (h, port),
            Err(_) => return Err(
                "curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535"
                    .to_string(),
            ),
        },
        _ => (authority, default_port),
    };
    if host.is_empty() {
        return Err("curl: (3) URL rejected: No host part in the URL".to_string());
    }
    Ok(Url {
        host: host.to_ascii_lowercase(),
        port,
        path: path.to_string(),
    })
}

fn is_ip(host: &str) -> bool {
    host.split('.').count() == 4 && host.split('.').all(|p| p.parse::<u8>().is_ok())
        || host.starts_with('[')
}

/// Runs `curl ARGS` on a host.
pub fn run(host: &mut Host, world: &mut World, args: &[String], out: &mut Out) -> Out {
    let o = match parse_options(args, out) {
        Ok(o) => o,
        Err(out) => return out,
    };
    let Some(url_text) = o.url.clone() else {
        return usage_error(out, "no URL specified!");
    };
    let show_errors = !o.silent || o.show_error;
    let fail = |out: &mut Out, code: i32, message: String, o: &Options| {
        if show_errors {
            out.errln(message);
        }
        if let Some(w) = &o.write_out {
            out.out(write_out(w, 0));
        }
        out.status = code;
        std::mem::take(out)
    };
    let url = match parse_url(&url_text) {
        Ok(url) => url,
        Err(message) => {
            let code = if message.contains("(1)") { 1 } else { 3 };
            return fail(out, code, message, &o);
        }
    };
    let metadata_name = matches!(
        url.host.as_str(),
        "instance-data" | "instance-data.ec2.internal"
    );
    let (instance_id, hops) = match &host.kind {
        HostKind::Laptop => (None, 1),
        HostKind::Instance { instance_id } => (Some(instance_id.clone()), 1),
        HostKind::Container { instance_id } => (Some(instance_id.clone()), 2),
    };
    if metadata_name && instance_id.is_none() {
        return fail(
            out,
            6,
            format!("curl: (6) Could not resolve host: {}", url.host),
            &o,
        );
    }
    let is_imds = (url.host == IMDS_ADDRESS || metadata_name) && url.port == 80;
    let Some(instance_id) = instance_id.filter(|_| is_imds) else {
        if is_ip(&url.host) || url.host == "localhost" {
            let address = url.host.trim_start_matches('[').trim_end_matches(']');
            return fail(
                out,
                7,
                format!(
                    "curl: (7) Failed to connect to {address} port {} after 0 ms: Couldn't connect to server",
                    url.port
                ),
                &o,
            );
        }
        return fail(
            out,
            6,
            format!("curl: (6) Could not resolve host: {}", url.host),
            &o,
        );
    };
    let method = o
        .method
        .clone()
        .unwrap_or_else(|| if o.head { "HEAD".into() } else { "GET".into() });
    let request = HttpRequest {
        method: method.clone().into(),
        path: url.path.as_str().into(),
        headers: o.headers.clone(),
        hops,
    };
    if o.verbose {
        out.errln(format!("*   Trying {IMDS_ADDRESS}:80..."));
        out.errln(format!(
            "* Connected to {0} ({IMDS_ADDRESS}) port 80",
            url.host
        ));
        out.errln(format!("> {method} {} HTTP/1.1", url.path));
        out.errln(format!("> Host: {}", url.host));
        out.errln(format!("> User-Agent: {USER_AGENT}"));
        out.errln("> Accept: */*");
        for (k, v) in &o.headers {
            out.errln(format!("> {k}: {v}"));
        }
        out.errln(">");
    }
    let response: HttpResponse = world.imds(&instance_id, request);
    if response.status == 0 {
        let message = match (o.max_time, o.connect_timeout) {
            (Some(m), _) => format!(
                "curl: (28) Operation timed out after {} milliseconds with 0 bytes received",
                millis(m) + 1
            ),
            (None, Some(c)) => format!(
                "curl: (28) Connection timed out after {} milliseconds",
                millis(c) + 1
            ),
            (None, None) => "curl: (28) Connection timed out after 300001 milliseconds".to_string(),
        };
        return fail(out, 28, message, &o);
    }
    let status_line = format!("HTTP/1.1 {} {}", response.status, reason(response.status));
    if o.verbose {
        out.errln(format!("< {status_line}"));
        for (k, v) in response.headers.iter() {
            out.errln(format!("< {k}: {v}"));
        }
        out.errln("<");
    }
    if o.fail && response.status >= 400 {
        return fail(
            out,
            22,
            format!(
                "curl: (22) The requested URL returned error: {}",
                response.status
            ),
            &o,
        );
    }
    let mut text = String::new();
    if o.include || o.head {
        text.push_str(&status_line);
        text.push('\n');
        for (k, v) in response.headers.iter() {
            text.push_str(&format!("{k}: {v}\n"));
        }
        text.push('\n');
    }
    if !o.head {
        text.push_str(&response.body);
    }
    match &o.output {
        Some(path) if path != "-" => {
            let abs = host.path(path);
            if let Err(e) = host.fs.write(&abs, &text, false, world.now().seconds()) {
                out.errln(format!("Warning: Failed to open the file {path}: {e}"));
                return fail(
                    out,
                    23,
                    "curl: (23) Failure writing output to destination".to_string(),
                    &o,
                );
            }
        }
        _ => out.out(text),
    }
    if let Some(w) = &o.write_out {
        out.out(write_out(w, response.status));
    }
    if o.verbose {
        out.errln(format!("* Connection #0 to host {} left intact", url.host));
    }
    std::mem::take(out)
}

fn millis(seconds: f64) -> u64 {
    (seconds * 1000.0).round().clamp(0.0, 1.0e12) as u64
}

/// Expands `-w` variables (`%{http_code}`, `%{response_code}`) and `\n`.
fn write_out(format: &str, status: u16) -> String {
    let code = format!("{status:03}");
    format
        .replace("%{http_code}", &code)
        .replace("%{response_code}", &code)
        .replace("\\n", "\n")
        .replace("\\t", "\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_combine_and_take_values() {
        let mut out = Out::default();
        let o = parse_options(
            &strings(&["-sSfXPUT", "-H", "A: b", "-w%{http_code}", "http://x/y"]),
            &mut out,
        )
        .unwrap_or_default();
        assert!(o.silent && o.show_error && o.fail);
        assert_eq!(o.method.as_deref(), Some("PUT"));
        assert_eq!(o.headers, vec![("A".to_string(), "b".to_string())]);
        assert_eq!(o.write_out.as_deref(), Some("%{http_code}"));
        assert_eq!(o.url.as_deref(), Some("http://x/y"));
        let err = parse_options(&strings(&["-Z"]), &mut out)
            .err()
            .unwrap_or_default();
        assert_eq!(err.status, 2);
        assert_eq!(
            err.text(crate::io::STDERR),
            "curl: option -Z: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n"
        );
    }

    #[test]
    fn urls_split_into_host_port_path() {
        let url = parse_url("http://169.254.169.254/latest/meta-data/").unwrap_or(Url {
            host: String::new(),
            port: 0,
            path: String::new(),
        });
        assert_eq!(
            (url.host.as_str(), url.port, url.path.as_str()),
            ("169.254.169.254", 80, "/latest/meta-data/")
        );
        let url = parse_url("localhost:8080").unwrap_or(Url {
            host: String::new(),
            port: 0,
            path: String::new(),
        });
        assert_eq!(
            (url.host.as_str(), url.port, url.path.as_str()),
            ("localhost", 8080, "/")
        );
        assert!(parse_url("gopher://x").is_err());
        assert_eq!(write_out("%{http_code}\\n", 200), "200\n");
        assert_eq!(write_out("%{http_code}", 0), "000");
    }
}
