using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;

namespace Volunteering.Cli;

/// <summary>
/// Plays a community time bank's story end to end: accounts opened, services recorded and confirmed, hours given to
/// family and donated, a pool grant, a redemption refused for age and one allowed, statements printed, and the
/// ledger's invariants checked at the end. Everything is saved to a record store after each step; played again on the
/// same store, the story is the next year's, and starts from the balances the store already holds. Then a practice
/// station's month of May (<see cref="StationMonth"/>): its chart, team and volunteers, activities verified into the
/// time bank, a correction, certificates issued and verified, and its statistics report. Last, a summer's aid round
/// (<see cref="AidRound"/>): a fund, a donation, applications through review, notice, objections and the decision,
/// instalment payments, a reversal, and the round's report reconciled with the ledger.
/// </summary>
public static class Demo
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalDateTimePattern When = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    /// <summary>The scheme's fixed id, so every run of the demo on one store continues the same time bank.</summary>
    private static readonly SchemeId GulouScheme = new(new Guid("6f1d2a0e-5b7c-4e9a-9d3f-2c8b1a7e4d55"));

    /// <summary>Runs the demo on a fresh in-memory store, writing the story to <paramref name="output"/>.</summary>
    /// <returns>0 when every step behaved as the story expects and the ledger's invariants hold; 1 otherwise.</returns>
    public static int Run(TextWriter output)
        => RunAsync(output, new InMemoryRecordStore(), "memory").AsTask().GetAwaiter().GetResult();

    /// <summary>Runs the demo on <paramref name="store"/>, continuing whatever earlier runs saved there.</summary>
    /// <param name="output">Where the story is written.</param>
    /// <param name="store">The store; the ledger is loaded from it and each step is saved to it.</param>
    /// <param name="storeName">How to name the store in the output (a file path, or "memory").</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>0 when every step behaved as the story expects and every invariant holds; 1 otherwise.</returns>
    public static async ValueTask<int> RunAsync(TextWriter output, IRecordStore store, string storeName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(store);

        // Each run plays the story one year after the newest entry on file, so dates and ages stay meaningful.
        var year = 2026;
        var head = await store.GetStreamVersionAsync(LedgerStreams.Journal, cancellationToken).ConfigureAwait(false);
        if (head > 0)
        {
            await foreach (var last in store.ReadJournalAsync(head - 1, cancellationToken).ConfigureAwait(false))
            {
                year = Math.Max(year, last.Timestamp.InZone(Shanghai).Year + 1);
            }
        }

        var clock = new StoryClock(Local(year, 3, 2, 9, 0));
        var ledger = await PersistentLedger.OpenAsync(store, clock, cancellationToken: cancellationToken).ConfigureAwait(false);
        var story = new Story(output, clock, ledger, store, storeName, year);
        await story.PlayAsync(cancellationToken).ConfigureAwait(false);

        // The station's month is saved to the same store, on the same ledger and clock, after the time bank's story.
        var month = new StationMonth(output, year, GulouScheme);
        await month.PlayAsync(store, ledger, clock, $"Saved to the same store ({storeName}) and credited on the same ledger.", cancellationToken).ConfigureAwait(false);

        // The aid round pays money from a fund on the same ledger, saved to the same store, after the station's month.
        var round = new AidRound(output, year);
        await round.PlayAsync(store, ledger, clock, cancellationToken).ConfigureAwait(false);

        // The station's love supermarket in September: Li Na's household earns points for her May service and redeems them.
        var loveBank = new LoveBankRound(output, year);
        await loveBank.PlayAsync(store, ledger, clock, month.LiNaServices, cancellationToken).ConfigureAwait(false);

        var failures = story.Failures + month.Failures + loveBank.Failures + round.Failures;
        output.WriteLine();
        output.WriteLine(failures == 0 ? "Demo finished: every step behaved as expected." : $"Demo finished with {failures} unexpected result(s).");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>A person's id derived from their name, so each run of the demo meets the same people.</summary>
    private static VolunteerId Person(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("volunteering-demo:" + name), hash);
        return new VolunteerId(new Guid(hash[..16]));
    }

    private sealed class Story(TextWriter output, StoryClock clock, PersistentLedger persistent, IRecordStore store, string storeName, int year)
    {
        private readonly StoryClock _clock = clock;
        private TimeBank _bank = null!;
        private readonly ResidenceArea _home = new("Nanjing", "Gulou", "Hunan Road");
        private readonly ResidenceArea _nextDoor = new("Nanjing", "Gulou", "Ninghai Road");
        private readonly Dictionary<VolunteerId, TimeCredit> _before = [];

        private readonly VolunteerId _wangFang = Person("Wang Fang");     // 55, retired teacher: stores time
        private readonly VolunteerId _chenJie = Person("Chen Jie");       // 31: stores time, too young to redeem
        private readonly VolunteerId _liuNainai = Person("Liu Nainai");   // 82, lives alone: receives services
        private readonly VolunteerId _wangMother = Person("Wang Guiying"); // 85, Wang Fang's mother
        private readonly VolunteerId _xiaoMing = Person("Xiao Ming");     // 16: too young to deposit

        public int Failures { get; private set; }

        public async ValueTask PlayAsync(CancellationToken cancellationToken)
        {
            Title("Gulou mutual-aid time platform (鼓楼互助时间平台), Nanjing rules");
            var ledger = persistent.Ledger;
            Say($"Store: {storeName}; {ledger.Position} journal entries on file; this is the story of {year}.");
            var scheme = new TimeBankScheme(GulouScheme, "Gulou mutual-aid time platform", Shanghai, TimeBankRules.Default);
            _bank = TimeBank.Open(scheme, ledger);
            Say($"Rules: 1 h of service = 1 h of credit; deposit from 18; redeem from 60; cap {scheme.Rules.Cap.Cap}; redemption city-wide.");
            await ShowBalancesOnFileAsync("Balances on file before this run (read from the store, no replay)", cancellationToken).ConfigureAwait(false);

            Step("1. Residents open accounts (开户) with consent to record keeping");
            Open(_wangFang, "Wang Fang", new LocalDate(year - 56, 5, 12), Hardship.None);
            Open(_chenJie, "Chen Jie", new LocalDate(year - 31, 1, 20), Hardship.None);
            Open(_liuNainai, "Liu Nainai", new LocalDate(year - 82, 2, 1), Hardship.LivingAlone);
            Open(_wangMother, "Wang Guiying", new LocalDate(year - 86, 8, 30), Hardship.None);
            Open(_xiaoMing, "Xiao Ming", new LocalDate(year - 17, 6, 1), Hardship.None);
            Expect("a second opening without consent is refused",
                _bank.OpenAccount(VolunteerId.New(), Profile("Anonymous", new LocalDate(year - 46, 1, 1), Hardship.None), null), TimeBankResult.ConsentRequired);
            Expect("Wang Fang registers her mother as a relative",
                _bank.RegisterRelative(_wangFang, _wangMother, Relationship.Parent), TimeBankResult.Ok);
            await SaveAsync(cancellationToken).ConfigureAwait(false);

            Step("2. Services are recorded, then confirmed by the recipient or a witness");
            Serve(_wangFang, _liuNainai, "companionship and shopping", Local(year, 3, 3, 14, 0), Local(year, 3, 3, 17, 0), "3h");
            Serve(_wangFang, _liuNainai, "cleaning", Local(year, 3, 10, 9, 0), Local(year, 3, 10, 12, 0), "2.5h");
            Serve(_chenJie, _liuNainai, "computer help", Local(year, 3, 12, 19, 0), Local(year, 3, 12, 21, 0), "2h");
            Serve(_wangFang, _liuNainai, "hospital escort", Local(year, 3, 20, 8, 0), Local(year, 3, 20, 17, 0), "8.1h");
            _clock.AdvanceTo(Local(year, 3, 22, 18, 0));
            var refused = ServiceRecordId.New();
            Expect("Chen Jie records a visit Liu Nainai says someone else made",
                _bank.RecordService(refused, Service(_chenJie, _liuNainai, "visit", Local(year, 3, 21, 10, 0), Local(year, 3, 21, 11, 0), "1h")), TimeBankResult.Ok);
            Expect("Liu Nainai refuses it", _bank.RefuseService(refused, _liuNainai, "another volunteer came"), TimeBankResult.Ok);
            Expect("a refused record never credits", _bank.ConfirmService(refused, _liuNainai).Code, TimeBankResult.ServiceRefused);
            Expect("Xiao Ming (16) cannot deposit",
                _bank.RecordService(ServiceRecordId.New(), Service(_xiaoMing, _liuNainai, "reading", Local(year, 3, 22, 15, 0), Local(year, 3, 22, 16, 0), "1h")), TimeBankResult.DepositorTooYoung);
            Balance(_wangFang, "13.6h");
            Balance(_chenJie, "2h");
            Say($"Wang Fang has given {_bank.GetTotalGiven(_wangFang)} this run ({_bank.GetStarLevel(_wangFang)} stars: the first star comes at 100 h).");
            await SaveAsync(cancellationToken).ConfigureAwait(false);

            Step("3. Hours given to family and donated to the community pool");
            _clock.AdvanceTo(Local(year, 4, 1, 10, 0));
            Expect("Wang Fang gives 5 h to her mother", _bank.GiveToFamily(TransferId.New(), _wangFang, _wangMother, TimeCredit.Parse("5h")).Code, TimeBankResult.Ok);
            Expect("Chen Jie cannot give to someone who is not family", _bank.GiveToFamily(TransferId.New(), _chenJie, _wangMother, TimeCredit.Parse("1h")).Code, TimeBankResult.NotFamily);
            Expect("Chen Jie donates 1.5 h to the pool", _bank.DonateToPool(TransferId.New(), _chenJie, TimeCredit.Parse("1.5h")).Code, TimeBankResult.Ok);
            Expect("the pool grants 1 h to Liu Nainai (82, lives alone)", _bank.GrantFromPool(TransferId.New(), _liuNainai, TimeCredit.Parse("1h")).Code, TimeBankResult.Ok);
            Expect("the scheme funds its guarantee fund with 20 h", _bank.FundGuarantee(TransferId.New(), TimeCredit.Parse("20h")).Code, TimeBankResult.Ok);
            Expect("the guarantee fund grants Liu Nainai 4 h", _bank.GrantFromGuaranteeFund(TransferId.New(), _liuNainai, TimeCredit.Parse("4h")).Code, TimeBankResult.Ok);
            Say($"Pool: {_bank.PoolBalance}; guarantee fund: {_bank.GuaranteeFundBalance}.");
            await SaveAsync(cancellationToken).ConfigureAwait(false);

            Step("4. Redemption: older members draw services (低龄存时间、高龄换取服务)");
            _clock.AdvanceTo(Local(year, 4, 8, 10, 0));
            Expect("Chen Jie (31) tries to redeem 0.5 h: refused for age",
                _bank.Redeem(TransferId.New(), _chenJie, TimeCredit.Parse("0.5h"), _home, "haircut").Code, TimeBankResult.RedeemerTooYoung);
            var redemption = TransferId.New();
            Expect("Wang Guiying (85) redeems 3 h of home care next door",
                _bank.Redeem(redemption, _wangMother, TimeCredit.Parse("3h"), _nextDoor, "home care").Code, TimeBankResult.Ok);
            Expect("the kiosk retries the same request: applied once",
                _bank.Redeem(redemption, _wangMother, TimeCredit.Parse("3h"), _nextDoor, "home care").Code, TimeBankResult.AlreadyDone);
            Expect("Liu Nainai tries to redeem 1 h more than she has",
                _bank.Redeem(TransferId.New(), _liuNainai, _bank.GetBalance(_liuNainai) + TimeCredit.Parse("1h"), _home, "meals").Code, TimeBankResult.InsufficientCredit);
            Balance(_wangMother, "2h");
            Balance(_liuNainai, "5h");
            await SaveAsync(cancellationToken).ConfigureAwait(false);

            Step("5. Statements");
            var march = new DateInterval(new LocalDate(year, 3, 1), new LocalDate(year, 3, 31));
            var april = new DateInterval(new LocalDate(year, 4, 1), new LocalDate(year, 4, 30));
            PrintStatement(_wangFang, "Wang Fang", march);
            PrintStatement(_wangFang, "Wang Fang", april);
            PrintStatement(_wangMother, "Wang Guiying", april);

            Step("6. The ledger checks itself, and the store is audited");
            var violations = ledger.VerifyInvariants();
            Say($"Journal entries: {ledger.Position}; accounts: {ledger.AccountCount}; time in circulation: {_bank.TimeInCirculation}.");
            var held = _bank.Members.Aggregate(TimeCredit.Zero, (sum, m) => sum + _bank.GetBalance(m.Id)) + _bank.PoolBalance + _bank.GuaranteeFundBalance;

            // Volunteers credited by earlier runs' station months hold time too; they are not members of this story.
            var storyAccounts = _bank.Members.Select(m => _bank.Scheme.MemberAccountId(m.Id)).ToHashSet();
            var others = TimeCredit.FromMinutes(ledger.Accounts.Where(a => a.Code == (int)TimeBankAccountCode.Member && !storyAccounts.Contains(a.Id)).Sum(a => a.Balance));
            if (others.IsPositive) Say($"Volunteers credited in earlier station months hold {others}.");
            held += others;
            Expect("member balances + pool + fund = time in circulation", held == _bank.TimeInCirculation, true);
            Expect("every ledger invariant holds", violations.Count, 0);
            foreach (var v in violations) Say("  violation: " + v);
            var audit = await LedgerAudit.VerifyAsync(store, cancellationToken).ConfigureAwait(false);
            Expect($"the store's audit is clean ({audit.Entries} entries, {audit.Accounts} accounts)", audit.IsClean, true);
            foreach (var v in audit.Violations) Say("  violation: " + v);
            await ShowBalancesOnFileAsync("Balances on file after this run", cancellationToken).ConfigureAwait(false);
        }

        private void Open(VolunteerId id, string name, LocalDate birth, Hardship hardship)
        {
            var profile = Profile(name, birth, hardship);
            var age = profile.AgeOn(_clock.Now.InZone(Shanghai).Date);
            Expect($"{name} ({age}) opens an account", _bank.OpenAccount(id, profile, _clock.Now), TimeBankResult.Ok);
        }

        private MemberProfile Profile(string name, LocalDate birth, Hardship hardship)
            => new(name, birth, "139-0000-0000", _home) { Hardship = hardship, Skills = ["companionship"], ServiceCategories = ["elder-care"] };

        private ServiceDetails Service(VolunteerId provider, VolunteerId recipient, string content, Instant start, Instant end, string credited)
            => new(provider, recipient, _home, content, "elder-care", new Interval(start, end), TimeCredit.Parse(credited));

        private void Serve(VolunteerId provider, VolunteerId recipient, string content, Instant start, Instant end, string credited)
        {
            var id = ServiceRecordId.New();
            _clock.AdvanceTo(end);
            var name = _bank.TryGetMember(provider, out var m) ? m.Profile.Name : "?";
            Expect($"{When.Format(start.InZone(Shanghai).LocalDateTime)} {name}: {content}, {credited} credited",
                _bank.RecordService(id, Service(provider, recipient, content, start, end, credited)), TimeBankResult.Ok);
            var outcome = _bank.ConfirmService(id, recipient);
            Expect($"  confirmed by the recipient, {outcome.Credited} deposited", outcome.Code, TimeBankResult.Ok);
        }

        /// <summary>Checks what a member gained this run (<paramref name="gainedThisRun"/>) on top of what the store
        /// held before it.</summary>
        private void Balance(VolunteerId member, string gainedThisRun)
        {
            _bank.TryGetMember(member, out var m);
            var expected = _before.GetValueOrDefault(member) + TimeCredit.Parse(gainedThisRun);
            Expect($"{m.Profile.Name} holds {expected}", _bank.GetBalance(member), expected);
        }

        private async ValueTask SaveAsync(CancellationToken cancellationToken)
        {
            var saved = await persistent.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (!saved.IsAppended)
            {
                // One writer plays the story; a conflict means another process wrote to the same store meanwhile.
                throw new InvalidOperationException($"The store refused this step's entries: {saved}. Is another process writing to it?");
            }
        }

        private async ValueTask ShowBalancesOnFileAsync(string title, CancellationToken cancellationToken)
        {
            Say(title + ":");
            foreach (var (id, name) in new[] { (_wangFang, "Wang Fang"), (_chenJie, "Chen Jie"), (_liuNainai, "Liu Nainai"), (_wangMother, "Wang Guiying") })
            {
                var account = _bank.Scheme.MemberAccountId(id);
                var stored = await store.GetBalanceAsync(account, cancellationToken).ConfigureAwait(false);
                var balance = TimeCredit.FromMinutes(stored?.Posted ?? 0);
                _before.TryAdd(id, balance);
                Say($"  {name,-14} {balance,8}{(stored is { } s ? $"  (account version {s.Version})" : "  (no account yet)")}");
            }
        }

        private void PrintStatement(VolunteerId member, string name, DateInterval dates)
        {
            var statement = _bank.GetStatement(member, dates);
            output.WriteLine($"  Statement for {name}, {dates.Start:yyyy-MM-dd} to {dates.End:yyyy-MM-dd}");
            output.WriteLine($"    opening balance {TimeCredit.FromMinutes(statement.OpeningBalance),10}");
            foreach (var line in statement.Lines)
            {
                var code = Enum.IsDefined(typeof(TimeBankTransferCode), line.Code) ? ((TimeBankTransferCode)line.Code).ToString() : line.Code.ToString(CultureInfo.InvariantCulture);
                output.WriteLine($"    {When.Format(line.Timestamp.InZone(Shanghai).LocalDateTime)}  {code,-22} {Signed(line.Change),8}  balance {TimeCredit.FromMinutes(line.BalanceAfter),8}  {line.Memo}");
            }

            output.WriteLine($"    closing balance {TimeCredit.FromMinutes(statement.ClosingBalance),10}");
        }

        private static string Signed(long minutes) => (minutes > 0 ? "+" : string.Empty) + TimeCredit.FromMinutes(minutes);

        private void Title(string text)
        {
            output.WriteLine(text);
            output.WriteLine(new string('=', text.Length));
        }

        private void Step(string text)
        {
            output.WriteLine();
            output.WriteLine(text);
        }

        private void Say(string text) => output.WriteLine("  " + text);

        private void Expect<T>(string what, T actual, T expected)
        {
            var ok = EqualityComparer<T>.Default.Equals(actual, expected);
            if (!ok) Failures++;
            output.WriteLine(ok ? $"  [ok] {what}" : $"  [UNEXPECTED] {what}: got {actual}, expected {expected}");
        }
    }

    private static Instant Local(int year, int month, int day, int hour, int minute)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();
}
