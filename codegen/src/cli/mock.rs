//! `postman-codegen mock`: a collection served by the runtime's mock on a
//! port of 127.0.0.1, for curl or a client in any language, with nothing
//! compiled (the binary's feature `mock`).
//!
//! It runs until stopped (Ctrl-C, a signal): it keeps no recording and has
//! nothing to save, so the end of the process is its clean end, and the
//! system closes its sockets.

use postman_codegen::mock::{MockCredentials, MockLimits, MockSpec};
use postman_codegen::printable;
use postman_runtime::{Auth, Operation, PathPart, Placement};
use std::fmt::Write as _;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// The port when none is given (Prism's).
const DEFAULT_PORT: u16 = 4010;

/// The subcommand's usage, shown by `mock --help` and on a usage error.
pub(crate) const USAGE: &str = "\
usage: postman-codegen mock <spec-dir | collection.json> [--overlay <file>] [--port <port>]
                            [--basic <user:password>] [--bearer <token>] [--api-key <key>]

Serves every operation of a Postman Collection on 127.0.0.1 (port 4010 by
default; 0 for any free port) with the spec's example responses, checking
each request as the runtime's mock does: the operation's own auth scheme,
its body mode and content type, required fields. A request chooses another
saved example with `x-mock-response-name` or `x-mock-response-code`.
--basic, --bearer and --api-key fix the credential each scheme must bring;
a kind not given accepts any non-empty value. Prints the base URL and the
operations served, then runs until stopped.";

struct Args {
    input: PathBuf,
    overlay: Option<PathBuf>,
    port: u16,
    credentials: MockCredentials,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut input = None;
    let mut overlay = None;
    let mut port = DEFAULT_PORT;
    let mut credentials = MockCredentials::default();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--overlay" => overlay = Some(PathBuf::from(value("--overlay")?)),
            "--port" => {
                let text = value("--port")?;
                port = text
                    .parse()
                    .map_err(|_| format!("--port {text:?} is not a port (0 to 65535)"))?;
            }
            "--basic" => {
                let pair = value("--basic")?;
                let (user, password) = pair.split_once(':').ok_or("--basic needs user:password")?;
                credentials = credentials.with_basic(user, password);
            }
            "--bearer" => credentials = credentials.with_bearer_token(value("--bearer")?),
            "--api-key" => credentials = credentials.with_api_key(value("--api-key")?),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path if input.is_none() => input = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    let input = input.ok_or("missing the spec directory or collection file")?;
    if overlay.is_some() && input.is_dir() {
        return Err("--overlay goes with a collection file; a directory brings its own".into());
    }
    Ok(Some(Args {
        input,
        overlay,
        port,
        credentials,
    }))
}

/// Runs the command on the arguments after `mock`: 0 never (it runs until
/// stopped) unless asked for help, 1 when the spec cannot be read or the
/// port bound, 2 on a usage error.
pub(crate) fn run(args: impl Iterator<Item = String>) -> ExitCode {
    let args = match crate::usage::arguments(parse(args), USAGE) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let spec = match read(&args) {
        Ok(spec) => spec,
        Err(errors) => {
            for line in errors {
                eprintln!("error: {line}");
            }
            return ExitCode::FAILURE;
        }
    };
    for warning in spec.warnings() {
        eprintln!("warning: {warning}");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(serve(&spec, args)),
        Err(e) => {
            eprintln!("error: cannot start an async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The collection, and its overlay if given; the errors as lines.
fn read(args: &Args) -> Result<MockSpec, Vec<String>> {
    let lines = |errors: postman_codegen::Errors| errors.iter().map(ToString::to_string).collect();
    let Some(overlay) = &args.overlay else {
        return MockSpec::from_path(&args.input).map_err(lines);
    };
    let text = |path: &PathBuf| {
        std::fs::read_to_string(path).map_err(|e| {
            let name = path.display().to_string();
            vec![format!("{}: cannot read: {e}", printable(&name))]
        })
    };
    let (collection, overlay_text) = (text(&args.input)?, text(overlay)?);
    let name = args.input.display().to_string();
    let overlay_name = overlay.display().to_string();
    MockSpec::from_text(&name, &collection, Some((&overlay_name, &overlay_text))).map_err(lines)
}

async fn serve(spec: &MockSpec, args: Args) -> ExitCode {
    let addr = SocketAddr::from(([127, 0, 0, 1], args.port));
    // Nothing outside this process could read what the mock records.
    let limits = MockLimits::default().with_max_recorded(0);
    let credentials = args.credentials;
    let mock = match spec.bind(addr, credentials.clone(), limits).await {
        Ok(mock) => mock,
        Err(e) => {
            eprintln!("error: cannot start the mock on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout().lock();
    let shown = stdout
        .write_all(banner(spec, &mock.base_url(), &credentials).as_bytes())
        .and_then(|()| stdout.flush());
    drop(stdout);
    if let Err(e) = shown {
        // Whoever started it cannot learn where it is: no use running.
        eprintln!("error: cannot write to stdout: {e}");
        return ExitCode::FAILURE;
    }
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

/// What is served, where, and which credentials are fixed (never their
/// values). Spec text goes through `printable`.
fn banner(spec: &MockSpec, base_url: &str, credentials: &MockCredentials) -> String {
    let fixed = |set: bool| if set { "fixed" } else { "any" };
    let mut out = format!(
        "mock of `{}` on {base_url}\ncredentials: basic {}, bearer/oauth2 token {}, API key {} \
         (any: a non-empty value passes)\n{} operations:\n",
        printable(spec.title()),
        fixed(credentials.username().is_some()),
        fixed(credentials.token().is_some()),
        fixed(credentials.api_key().is_some()),
        spec.operations().len()
    );
    for op in spec.operations() {
        let _ = writeln!(
            out,
            "  {:<7} {}  {}  ({})",
            op.method.as_str(),
            printable(&template(op)),
            printable(op.name),
            printable(&scheme(op.auth))
        );
    }
    out
}

/// The operation's path with its parameters named.
fn template(op: &Operation) -> String {
    op.path
        .iter()
        .map(|part| match part {
            PathPart::Literal(text) => (*text).to_owned(),
            PathPart::Param(i) => {
                let name = op.fields.get(*i).map_or("param", |f| f.name);
                format!("{{{name}}}")
            }
            PathPart::Username => "{username}".to_owned(),
            PathPart::Password => "{password}".to_owned(),
            _ => "{?}".to_owned(),
        })
        .collect()
}

/// The scheme in words, with where its credential goes.
fn scheme(auth: Auth) -> String {
    match auth {
        Auth::None => "no auth".to_owned(),
        Auth::Basic => "basic".to_owned(),
        Auth::Bearer => "bearer".to_owned(),
        Auth::ApiKey {
            name,
            placement: Placement::Header,
        } => format!("API key in header {name}"),
        Auth::ApiKey { name, .. } => format!("API key in query {name}"),
        Auth::OAuth2 {
            placement: Placement::Query,
            ..
        } => "oauth2 token in query access_token".to_owned(),
        Auth::OAuth2 { prefix, .. } => format!("oauth2 token after {prefix:?}"),
        Auth::Signer { scheme } => format!("{scheme}, its signature not verified"),
        _ => auth.scheme().to_owned(),
    }
}
