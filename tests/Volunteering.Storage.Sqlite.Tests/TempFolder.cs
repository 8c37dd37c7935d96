namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>A fresh folder under the system's temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("volunteering-sqlite-").FullName;

    public string Path { get; }

    /// <summary>A path for a file in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child process may still be closing its handles; the OS cleans the temporary folder anyway.
        }
    }
}
