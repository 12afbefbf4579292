//! Where output goes: which files in which formats, written atomically.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::args::OutputArgs;
use kgex::{export, ExportFormat, ExportOptions, KnowledgeGraph};

/// One output: a format and a file, or stdout when `path` is `None`; a
/// picture is the DOT export drawn by Graphviz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub format: ExportFormat,
    pub path: Option<PathBuf>,
    pub picture: Option<Picture>,
}

/// A picture Graphviz's `dot` draws from the DOT export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    Svg,
    Png,
}

impl Picture {
    pub const ALL: [Picture; 2] = [Picture::Svg, Picture::Png];

    /// The name for `-f`, which is also the file extension and dot's `-T`.
    pub fn name(self) -> &'static str {
        match self {
            Picture::Svg => "svg",
            Picture::Png => "png",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Picture::Svg => "image/svg+xml",
            Picture::Png => "image/png",
        }
    }

    fn named(name: &str) -> Option<Picture> {
        Picture::ALL.into_iter().find(|p| p.name() == name.to_ascii_lowercase())
    }
}

/// The formats `-f` names, in order; pictures are refused (`--shard-size`
/// writes graphs, not drawings).
pub fn formats(args: &OutputArgs) -> anyhow::Result<Vec<ExportFormat>> {
    output_formats(args)?
        .into_iter()
        .map(|(format, picture)| match picture {
            Some(picture) => bail!("-f {} draws one graph: not with --shard-size", picture.name()),
            None if format.writes_folder() => bail!("-f {format} writes a folder of files: not with --shard-size"),
            None => Ok(format),
        })
        .collect()
}

/// The formats `-f` names: export formats, or pictures drawn from DOT.
fn output_formats(args: &OutputArgs) -> anyhow::Result<Vec<(ExportFormat, Option<Picture>)>> {
    let parse = |name: &String| match Picture::named(name) {
        Some(picture) => Ok((ExportFormat::Dot, Some(picture))),
        None => name.parse::<ExportFormat>().map(|f| (f, None)).map_err(anyhow::Error::msg),
    };
    args.formats.iter().map(parse).collect()
}

/// The outputs the options ask for.
pub fn targets(args: &OutputArgs) -> anyhow::Result<Vec<Target>> {
    let formats = output_formats(args)?;
    let Some(output) = &args.output else {
        if let Some((format, _)) = formats.iter().find(|(format, _)| format.writes_folder()) {
            bail!("-f {format} writes a folder of files: give -o FOLDER");
        }
        return match formats.as_slice() {
            [] => Ok(vec![Target { format: ExportFormat::Turtle, path: None, picture: None }]),
            [(format, picture)] => Ok(vec![Target { format: *format, path: None, picture: *picture }]),
            _ => bail!("several formats need -o FOLDER"),
        };
    };
    let is_folder = output.is_dir()
        || output.to_string_lossy().ends_with(['/', std::path::MAIN_SEPARATOR])
        || output.extension().is_none() && formats.len() != 1;
    if is_folder {
        let formats = if formats.is_empty() { ExportFormat::ALL.map(|f| (f, None)).to_vec() } else { formats };
        return Ok(formats
            .into_iter()
            .map(|(format, picture)| {
                let extension = picture.map_or(format.file_extension(), Picture::name);
                Target { format, path: Some(output.join(format!("graph.{extension}"))), picture }
            })
            .collect());
    }
    let (format, picture) = match formats.as_slice() {
        [one] => *one,
        [] => {
            let extension = output.extension().and_then(|e| e.to_str()).unwrap_or("");
            match Picture::named(extension) {
                Some(picture) => (ExportFormat::Dot, Some(picture)),
                None => ExportFormat::from_extension(extension)
                    .map(|f| (f, None))
                    .with_context(|| format!("cannot tell the format from '{}'; give -f FORMAT", output.display()))?,
            }
        }
        _ => bail!("several formats need -o FOLDER, not the file '{}'", output.display()),
    };
    Ok(vec![Target { format, path: Some(output.clone()), picture }])
}

/// Refuses an output file that is also an input.
pub fn check_not_input(targets: &[Target], inputs: &[PathBuf]) -> anyhow::Result<()> {
    let inputs: Vec<PathBuf> = inputs.iter().filter_map(|p| fs::canonicalize(p).ok()).collect();
    for path in targets.iter().filter_map(|t| t.path.as_ref()) {
        let Ok(output) = canonical_output(path) else {
            continue;
        };
        if inputs.contains(&output) {
            bail!("output '{}' is also an input; refusing to overwrite it", path.display());
        }
    }
    Ok(())
}

fn canonical_output(path: &Path) -> io::Result<PathBuf> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Ok(fs::canonicalize(parent)?.join(path.file_name().unwrap_or_default()))
}

/// Writes the graph to every target. A file is written to a temporary file
/// beside it and renamed into place, so no run leaves half a file.
pub fn write_all(graph: &KnowledgeGraph, targets: &[Target], options: &ExportOptions) -> anyhow::Result<()> {
    for target in targets {
        if let Some(picture) = target.picture {
            let drawing = draw(graph, picture, options)?;
            match &target.path {
                None => io::stdout().lock().write_all(&drawing)?,
                Some(path) => write_atomically(path, |writer| Ok(writer.write_all(&drawing)?))
                    .with_context(|| format!("cannot write '{}'", path.display()))?,
            }
            continue;
        }
        match &target.path {
            Some(path) if target.format.writes_folder() => {
                write_folder_atomically(path, |folder| Ok(export::write_neo4j(graph, options, folder)?))
                    .with_context(|| format!("cannot write the folder '{}'", path.display()))?
            }
            None => {
                let stdout = io::stdout();
                let mut writer = BufWriter::new(stdout.lock());
                export::export(graph, target.format, options, &mut writer)?;
                writer.flush()?;
            }
            Some(path) => write_file(graph, target.format, options, path)
                .with_context(|| format!("cannot write '{}'", path.display()))?,
        }
    }
    Ok(())
}

/// The graph drawn by Graphviz's `dot` from its DOT export; without `dot`
/// an error says how to install it.
fn draw(graph: &KnowledgeGraph, picture: Picture, options: &ExportOptions) -> anyhow::Result<Vec<u8>> {
    let mut source = Vec::new();
    export::export(graph, ExportFormat::Dot, options, &mut source)?;
    let child = std::process::Command::new("dot")
        .arg(format!("-T{}", picture.name()))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) if error.kind() == io::ErrorKind::NotFound => bail!(
            "-f {} needs Graphviz's dot, which is not installed: apt-get install graphviz (Debian, Ubuntu), \
             brew install graphviz (macOS), or graphviz.org/download; -f dot writes the DOT source",
            picture.name()
        ),
        Err(error) => return Err(error).context("cannot run Graphviz's dot"),
    };
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // Writing on another thread: dot may answer before it has read all.
    let writer = std::thread::spawn(move || stdin.write_all(&source));
    let output = child.wait_with_output()?;
    writer.join().expect("the writer thread does not panic")?;
    if !output.status.success() {
        bail!("Graphviz's dot failed: {}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(output.stdout)
}

fn write_file(
    graph: &KnowledgeGraph,
    format: ExportFormat,
    options: &ExportOptions,
    path: &Path,
) -> anyhow::Result<()> {
    write_atomically(path, |writer| Ok(export::export(graph, format, options, writer)?))
}

/// Writes a file through a temporary file in the same folder, renamed into
/// place only when `write` succeeded, so a failure leaves no half file. A
/// path that exists and is no regular file (`/dev/null`, a named pipe) is
/// written directly: renaming over it would replace the device.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut (dyn Write + Send)) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut writer = BufWriter::new(fs::OpenOptions::new().write(true).open(path)?);
        write(&mut writer)?;
        writer.flush()?;
        return Ok(());
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(folder)?;
    let temporary = tempfile::Builder::new().prefix(".kgex-").tempfile_in(folder)?;
    let mut writer = BufWriter::with_capacity(1 << 16, temporary);
    write(&mut writer)?;
    let temporary = writer.into_inner().map_err(|error| error.into_error())?;
    temporary.as_file().sync_data()?;
    set_readable(&temporary)?;
    temporary.persist(path)?;
    Ok(())
}

/// Writes a folder of files into a temporary folder beside `path`, moved
/// into place only when `write` succeeded; a folder already at `path` is
/// replaced, a file is not.
fn write_folder_atomically(path: &Path, write: impl FnOnce(&Path) -> anyhow::Result<()>) -> anyhow::Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| !m.is_dir()) {
        bail!("'{}' exists and is not a folder", path.display());
    }
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let temporary = tempfile::Builder::new().prefix(".kgex-").tempdir_in(parent)?;
    write(temporary.path())?;
    set_folder_readable(temporary.path())?;
    if path.exists() {
        let old = tempfile::Builder::new().prefix(".kgex-old-").tempdir_in(parent)?;
        let old_path = old.path().join("folder");
        fs::rename(path, &old_path)?;
        fs::rename(temporary.keep(), path)?;
        drop(old);
    } else {
        fs::rename(temporary.keep(), path)?;
    }
    Ok(())
}

#[cfg(unix)]
fn set_folder_readable(folder: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(folder, fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn set_folder_readable(_folder: &Path) -> io::Result<()> {
    Ok(())
}

/// Temporary files are created private; an export is an ordinary file.
#[cfg(unix)]
fn set_readable(file: &tempfile::NamedTempFile) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.as_file().set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_readable(_file: &tempfile::NamedTempFile) -> io::Result<()> {
    Ok(())
}
