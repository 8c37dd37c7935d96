namespace Volunteering.Domain.LoveBank;

/// <summary>An event in a scheme's catalogue stream (<see cref="Catalogue"/>).</summary>
public abstract record CatalogueEvent;
