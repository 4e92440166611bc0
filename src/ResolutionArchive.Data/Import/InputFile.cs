using System.Runtime.InteropServices;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Data.Import;

/// <summary>
/// Reads one input file safely (docs/cli.md "Input files", docs/operations.md "Input limits"): only a regular file (a
/// link is followed to its target), at most <see cref="DefaultMaxBytes"/> bytes unless the caller says otherwise, and
/// every failure a <c>FILE:1: …</c> diagnostic instead of an exception. A FIFO would block the reader while it holds
/// the import's write lock, and a device such as <c>/dev/zero</c> never ends; both are refused before they are opened.
/// </summary>
public static partial class InputFile
{
    /// <summary>The largest input read by default: 20 MiB. The UN's largest AKN4UN file of sessions 75–77 has 321 kB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>
    /// The file at <paramref name="path"/> as an <see cref="ImportSource"/> named by the path as given, or the reason
    /// it cannot be read: not found, not a regular file, larger than <paramref name="maxBytes"/>, permission denied,
    /// or an I/O error.
    /// </summary>
    public static (ImportSource? Source, ParseDiagnostic? Error) Read(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (!File.Exists(path))
            {
                return Fail(path, "expected a readable file, found none");
            }

            if (KindOf(path) is { } kind && kind != "a regular file")
            {
                return Fail(path, $"expected a regular file, found {kind}; it is not read");
            }

            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                return Fail(path, $"expected at most {maxBytes:N0} bytes, found {length:N0}; the file is not read (the limit is the import's --max-bytes)");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[Math.Min(length, maxBytes) + 1];
            var total = 0;
            int read;
            // bounded even when the size on disk lies (a file growing while it is read)
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > maxBytes)
            {
                return Fail(path, $"expected at most {maxBytes:N0} bytes, found more; the file is not read (the limit is the import's --max-bytes)");
            }

            return (new ImportSource(path, buffer[..total]), null);
        }
        catch (UnauthorizedAccessException)
        {
            return Fail(path, "cannot read: permission denied");
        }
        catch (IOException ex)
        {
            return Fail(path, $"cannot read: {ex.Message}");
        }
    }

    private static (ImportSource?, ParseDiagnostic?) Fail(string path, string message) => (null, new ParseDiagnostic(path, 1, message));

    /// <summary>
    /// What the path is, after links, in words: "a regular file", "a FIFO", "a character device", "a block device", "a
    /// socket"; null where it cannot be told (not Linux). Linux's <c>statx(2)</c>, whose structure is the same on every
    /// architecture (<c>stx_mode</c> at byte 28).
    /// </summary>
    public static string? KindOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256];
        if (Statx(-100 /* AT_FDCWD */, path, 0 /* follow links */, 0x1 /* STATX_TYPE */, buffer) != 0)
        {
            return null;
        }

        return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
        {
            0x8000 => "a regular file",
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            0x4000 => "a directory",
            _ => "a file of another kind",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
