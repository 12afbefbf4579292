//! Real servers for the push tests, started on loopback ports in a
//! temporary folder and stopped when dropped: Virtuoso open source, whose
//! Graph Store endpoint takes writes once the anonymous SPARQL user may
//! update, and nginx in front of it asking for HTTP basic authentication.

use std::fs;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A server process that is killed when this is dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    folder: tempfile::TempDir,
}

impl Server {
    /// What the server wrote to its error log.
    pub fn log(&self) -> String {
        ["error.log", "db.log"]
            .iter()
            .filter_map(|name| fs::read_to_string(self.folder.path().join(name)).ok())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Drop for Server {
    /// Asks the server to stop (SIGTERM), so that nginx's master takes its
    /// workers with it; kills it when it has not stopped within seconds.
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn spawn(program: &str, args: &[&str], folder: &Path) -> Child {
    Command::new(program)
        .args(args)
        .current_dir(folder)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {program} (tests/run.sh installs it): {error}"))
}

/// Waits until `url` answers with any HTTP status.
fn wait_for(url: &str, child: &mut Child) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        let status = match ureq::get(url).call() {
            Ok(response) => Some(response.status().as_u16()),
            Err(ureq::Error::StatusCode(code)) => Some(code),
            Err(_) => None,
        };
        if status.is_some_and(|code| code < 500) {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the server stopped with {status} before {url} answered");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("{url} did not answer within a minute");
}

/// Virtuoso with an empty database.
pub fn virtuoso() -> Server {
    let folder = tempfile::tempdir().unwrap();
    let (sql_port, http_port) = (free_port(), free_port());
    let dir = folder.path().display();
    let ini = format!(
        "[Database]\nDatabaseFile = {dir}/db.db\nErrorLogFile = {dir}/db.log\nLockFile = {dir}/db.lck\n\
         TransactionFile = {dir}/db.trx\nxa_persistent_file = {dir}/db.pxa\n\
         [TempDatabase]\nDatabaseFile = {dir}/temp.db\nTransactionFile = {dir}/temp.trx\n\
         [Parameters]\nServerPort = 127.0.0.1:{sql_port}\nDisableUnixSocket = 1\nNumberOfBuffers = 10000\n\
         MaxDirtyBuffers = 6000\nDirsAllowed = .\n\
         [HTTPServer]\nServerPort = 127.0.0.1:{http_port}\nServerThreads = 4\nCharset = UTF-8\n\
         [SPARQL]\nResultSetMaxRows = 100000\n"
    );
    fs::write(folder.path().join("virtuoso.ini"), ini).unwrap();
    let mut child = spawn("virtuoso-t", &["-f", "-c", "virtuoso.ini"], folder.path());
    wait_for(&format!("http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D"), &mut child);
    let grant = Command::new("isql-vt")
        .args([&format!("127.0.0.1:{sql_port}"), "dba", "dba", "exec=grant SPARQL_UPDATE to \"SPARQL\";"])
        .output()
        .expect("isql-vt runs");
    assert!(grant.status.success(), "grant: {}", String::from_utf8_lossy(&grant.stderr));
    Server { child, port: http_port, folder }
}

/// nginx passing every request to `upstream` when it carries the user
/// `user` with `password`, answering 401 otherwise.
pub fn basic_auth_proxy(upstream: u16, user: &str, password: &str) -> Server {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let dir = folder.path().display();
    fs::write(folder.path().join("users"), format!("{user}:{{PLAIN}}{password}\n")).unwrap();
    // nginx's workers run as another user when started by root.
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(folder.path().join("users"), fs::Permissions::from_mode(0o644)).unwrap();
    let conf = format!(
        "daemon off;\npid {dir}/nginx.pid;\nerror_log {dir}/error.log;\nevents {{}}\nhttp {{\n\
         access_log off;\nclient_body_temp_path {dir}/body;\nproxy_temp_path {dir}/proxy;\n\
         fastcgi_temp_path {dir}/fastcgi;\nuwsgi_temp_path {dir}/uwsgi;\nscgi_temp_path {dir}/scgi;\n\
         server {{\nlisten 127.0.0.1:{port};\nclient_max_body_size 1g;\nlocation / {{\n\
         auth_basic \"kgex\";\nauth_basic_user_file {dir}/users;\nproxy_set_header Authorization \"\";\nproxy_pass http://127.0.0.1:{upstream};\n}}\n}}\n}}\n"
    );
    fs::write(folder.path().join("nginx.conf"), conf).unwrap();
    let conf_path = folder.path().join("nginx.conf");
    let mut child = spawn("nginx", &["-c", conf_path.to_str().unwrap(), "-p", &dir.to_string()], folder.path());
    wait_for(&format!("http://127.0.0.1:{port}/"), &mut child);
    Server { child, port, folder }
}

/// The number of triples in each named graph of a SPARQL endpoint, by a
/// query sent to it.
pub fn triples_per_graph(sparql: &str) -> Vec<(String, u64)> {
    let query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
    let mut response = ureq::get(sparql)
        .query("query", query)
        .header("Accept", "application/sparql-results+json")
        .call()
        .unwrap_or_else(|error| panic!("SPARQL query to {sparql}: {error}"));
    let results: serde_json::Value = serde_json::from_reader(response.body_mut().as_reader()).unwrap();
    let mut counts: Vec<(String, u64)> = results["results"]["bindings"]
        .as_array()
        .expect("SPARQL JSON results")
        .iter()
        .map(|b| (b["g"]["value"].as_str().unwrap().to_owned(), b["n"]["value"].as_str().unwrap().parse().unwrap()))
        .filter(|(graph, _)| graph.starts_with("https://w3id.org/kgex/") || graph.starts_with("http://example.org/"))
        .collect();
    counts.sort();
    counts
}
