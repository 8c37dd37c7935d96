using Volunteering.Cli;

return args switch
{
    ["demo"] or [] => Demo.Run(Console.Out),
    ["--help"] or ["-h"] or ["help"] => Usage(Console.Out, 0),
    _ => Usage(Console.Error, 2),
};

static int Usage(TextWriter writer, int code)
{
    writer.WriteLine("volunteering — reference app for Volunteering.Domain");
    writer.WriteLine();
    writer.WriteLine("usage: volunteering demo    play a time bank's story end to end on the in-memory ledger");
    return code;
}
