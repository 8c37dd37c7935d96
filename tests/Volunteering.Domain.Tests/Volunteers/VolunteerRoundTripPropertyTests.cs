using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Volunteers;
using static Volunteering.Domain.Tests.Volunteers.VolunteerKit;

namespace Volunteering.Domain.Tests.Volunteers;

/// <summary>Random command sequences on a volunteer, saved in random batches: the volunteer loaded back has the same
/// state and version as the one in memory, and no stored event holds a personal field.</summary>
public class VolunteerRoundTripPropertyTests
{
    [Property(MaxTest = 200, Arbitrary = new[] { typeof(VolunteerArbitraries) })]
    public void Saving_and_loading_random_event_sequences_gives_the_same_state(VolunteerOp[] ops)
    {
        var store = new InMemoryRecordStore();
        var repository = Volunteer.Repository(store);
        var volunteer = Registered(Registration(enteredBy: UnitId.New(), consent: new Consent(At - Duration.FromHours(1), ConsentMethod.Written)));
        var trainings = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var at = At;
        foreach (var op in ops)
        {
            at += Duration.FromMinutes(7);
            var day = Day(op.Day);
            var code = op.Kind switch
            {
                VolunteerOpKind.Suspend => volunteer.Suspend($"reason {op.Day}", day, at),
                VolunteerOpKind.Reinstate => volunteer.Reinstate($"reason {op.Day}", day, at),
                VolunteerOpKind.Leave => volunteer.Leave($"reason {op.Day}", day, at),
                VolunteerOpKind.Training => volunteer.RecordTraining(new TrainingRecord(trainings[op.Slot], $"Training {op.Slot}", "content", 30 + op.Variant, "Red Cross", day), at),
                VolunteerOpKind.Award => volunteer.RecordAward(new AwardRecord(trainings[op.Slot], $"Award {op.Variant}", day, "District"), at),
                VolunteerOpKind.Grant => volunteer.GrantExportConsent(new Consent(at, ConsentMethod.Electronic), at),
                VolunteerOpKind.Withdraw => volunteer.WithdrawExportConsent(at),
                VolunteerOpKind.Update => volunteer.MarkPersonalDataUpdated(at),
                VolunteerOpKind.Erase => volunteer.MarkErased("asked", at),
                _ => Save(repository, volunteer),
            };
            Assert.True(Enum.IsDefined(code));
        }

        Save(repository, volunteer);
        var loaded = LoadBlocking(repository, volunteer.Stream);
        Assert.Equal(Fingerprint(volunteer), Fingerprint(loaded));
        Assert.Equal(volunteer.Version, loaded.Version);
        Assert.Empty(loaded.UnsavedEvents);
    }

    private static VolunteerResult Save(AggregateRepository<Volunteer, VolunteerEvent> repository, Volunteer volunteer)
    {
        var saved = repository.SaveAsync(volunteer).AsTask().GetAwaiter().GetResult();
        return saved.IsAppended ? VolunteerResult.Ok : throw new InvalidOperationException(saved.ToString());
    }

    private static Volunteer LoadBlocking(AggregateRepository<Volunteer, VolunteerEvent> repository, StreamName stream)
        => repository.LoadAsync(stream).AsTask().GetAwaiter().GetResult() ?? throw new InvalidOperationException("Not stored.");

    private static string Fingerprint(Volunteer v) => string.Join(
        " | ",
        v.Id.ToString(),
        v.Scheme.ToString(),
        v.Number,
        v.Source.ToString(),
        v.EnteredBy?.ToString() ?? "-",
        v.RegistrationConsent.ToString(),
        v.RegisteredOn.ToString("R", CultureInfo.InvariantCulture),
        v.RegisteredAt.ToString(),
        v.Status.ToString(),
        string.Join(",", v.StatusHistory),
        string.Join(",", v.Trainings),
        string.Join(",", v.Awards),
        v.ExportConsent?.ToString() ?? "-",
        v.ErasedAt?.ToString() ?? "-");
}

public enum VolunteerOpKind
{
    Suspend,
    Reinstate,
    Leave,
    Training,
    Award,
    Grant,
    Withdraw,
    Update,
    Erase,
    Save,
}

public readonly record struct VolunteerOp(VolunteerOpKind Kind, int Day, int Slot, int Variant);

public static class VolunteerArbitraries
{
    private static readonly Gen<VolunteerOp> OpGen =
        from kind in Gen.Frequency(
            (4, Gen.Constant(VolunteerOpKind.Suspend)),
            (4, Gen.Constant(VolunteerOpKind.Reinstate)),
            (1, Gen.Constant(VolunteerOpKind.Leave)),
            (4, Gen.Constant(VolunteerOpKind.Training)),
            (3, Gen.Constant(VolunteerOpKind.Award)),
            (2, Gen.Constant(VolunteerOpKind.Grant)),
            (2, Gen.Constant(VolunteerOpKind.Withdraw)),
            (1, Gen.Constant(VolunteerOpKind.Update)),
            (1, Gen.Constant(VolunteerOpKind.Erase)),
            (2, Gen.Constant(VolunteerOpKind.Save)))
        from day in Gen.Choose(-2, 40)
        from slot in Gen.Choose(0, 2)
        from variant in Gen.Choose(0, 1)
        select new VolunteerOp(kind, day, slot, variant);

    public static Arbitrary<VolunteerOp[]> Ops() => Arb.From(Gen.Sized(size => Gen.Choose(0, 10 + size).SelectMany(n => Gen.ArrayOf(OpGen, n))));
}
