//! Where output goes: which files in which formats, written atomically.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::args::OutputArgs;
use kgex::{export, ExportFormat, ExportOptions, KnowledgeGraph};

/// One output: a format and a file, or stdout when `path` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub format: ExportFormat,
    pub path: Option<PathBuf>,
}

/// The formats `-f` names, in order.
pub fn formats(args: &OutputArgs) -> anyhow::Result<Vec<ExportFormat>> {
    args.formats.iter().map(|name| name.parse::<ExportFormat>().map_err(anyhow::Error::msg)).collect()
}

/// The outputs the options ask for.
pub fn targets(args: &OutputArgs) -> anyhow::Result<Vec<Target>> {
    let formats = formats(args)?;
    let Some(output) = &args.output else {
        return match formats.as_slice() {
            [] => Ok(vec![Target { format: ExportFormat::Turtle, path: None }]),
            [format] => Ok(vec![Target { format: *format, path: None }]),
            _ => bail!("several formats need -o FOLDER"),
        };
    };
    let is_folder = output.is_dir()
        || output.to_string_lossy().ends_with(['/', std::path::MAIN_SEPARATOR])
        || output.extension().is_none() && formats.len() != 1;
    if is_folder {
        let formats = if formats.is_empty() { ExportFormat::ALL.to_vec() } else { formats };
        return Ok(formats
            .into_iter()
            .map(|format| Target { format, path: Some(output.join(format!("graph.{}", format.file_extension()))) })
            .collect());
    }
    let format = match formats.as_slice() {
        [format] => *format,
        [] => {
            let extension = output.extension().and_then(|e| e.to_str()).unwrap_or("");
            ExportFormat::from_extension(extension)
                .with_context(|| format!("cannot tell the format from '{}'; give -f FORMAT", output.display()))?
        }
        _ => bail!("several formats need -o FOLDER, not the file '{}'", output.display()),
    };
    Ok(vec![Target { format, path: Some(output.clone()) }])
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
        match &target.path {
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
pub fn write_atomically(path: &Path, write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>) -> anyhow::Result<()> {
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
