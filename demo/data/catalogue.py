"""The goal catalogue ("Kan …", with observable criteria) and the words of notes."""

from companies.models import Industry

from .spec import FAGLIG, PERSONLIG, SOCIAL, GoalSpec

G = GoalSpec
I = Industry  # noqa: E741

# General workplace goals (industry blank): the seeds' "generelle arbejdsmarkedskompetencer".
# The catalogue is a table: one goal per row, its criteria below it.
# fmt: off
GENERAL_GOALS = (
    G("", PERSONLIG, 1, "1.0", "Kan møde stabilt og til tiden", (
        "Møder til den aftalte tid mindst fire ud af fem dage.",
        "Giver besked før mødetid ved sygdom eller forsinkelse.",
        "Holder pauser i den aftalte længde.",
    )),
    G("", PERSONLIG, 1, "1.0", "Kan holde en god personlig hygiejne på arbejdspladsen", (
        "Møder i rent tøj og rent arbejdstøj.",
        "Vasker hænder før arbejde med mad og efter toiletbesøg.",
        "Bruger det udleverede arbejdstøj og sikkerhedsudstyr.",
    )),
    G("", PERSONLIG, 1, "0.5", "Kan bede om hjælp, når der er brug for det", (
        "Siger til, når en opgave er uklar.",
        "Ved, hvem på arbejdspladsen man skal spørge.",
        "Spørger i stedet for at gætte, når noget er nyt.",
    )),
    G("", PERSONLIG, 1, "0.5", "Kan modtage en besked og udføre den", (
        "Lytter færdigt, når en besked bliver givet.",
        "Gentager en lang besked med egne ord.",
        "Udfører opgaven, som beskeden sagde.",
    )),
    G("", PERSONLIG, 2, "1.5", "Kan følge en arbejdsplan", (
        "Finder selv dagens opgaver på planen.",
        "Udfører opgaverne i den rækkefølge, planen siger.",
        "Siger til, hvis planen ikke kan nås.",
    )),
    G("", PERSONLIG, 2, "1.0", "Kan tage imod feedback og bruge den", (
        "Lytter til feedback uden at afbryde.",
        "Retter arbejdet efter feedback.",
        "Spørger ind, hvis feedback er uklar.",
    )),
    G("", PERSONLIG, 2, "1.0", "Kan holde fokus på en opgave i en hel arbejdsperiode", (
        "Arbejder på opgaven frem til næste pause.",
        "Lægger telefonen væk i arbejdstiden.",
    )),
    G("", PERSONLIG, 3, "2.0", "Kan arbejde selvstændigt med en kendt opgave", (
        "Går i gang uden at blive bedt om det.",
        "Gør opgaven færdig i den aftalte kvalitet.",
        "Finder selv en ny opgave, når den første er løst.",
    )),
    G("", PERSONLIG, 3, "1.5", "Kan håndtere ændringer i arbejdsdagen", (
        "Skifter til en ny opgave, når planen ændres.",
        "Bevarer roen, når noget uventet sker.",
        "Spørger, hvad der nu er vigtigst.",
    )),
    G("", SOCIAL, 1, "1.0", "Kan følge arbejdspladsens regler og omgangsformer", (
        "Kender reglerne for pauser, telefon og rygning.",
        "Hilser på kolleger, når dagen starter og slutter.",
    )),
    G("", SOCIAL, 1, "0.5", "Kan være en del af fællesskabet i pausen", (
        "Holder pause sammen med kollegerne.",
        "Deltager i en kort snak ved bordet.",
    )),
    G("", SOCIAL, 2, "1.5", "Kan samarbejde med kolleger om en fælles opgave", (
        "Aftaler, hvem der gør hvad.",
        "Hjælper en kollega, når der er travlt.",
        "Giver besked, når egen del er færdig.",
    )),
    G("", SOCIAL, 2, "1.0", "Kan kommunikere tydeligt med kolleger", (
        "Taler i en venlig tone, også når der er travlt.",
        "Fortæller kort, hvad der er lavet, og hvad der mangler.",
        "Siger til, hvis noget er gået i stykker eller er sluppet op.",
    )),
    G("", SOCIAL, 2, "1.0", "Kan tale venligt med kunder, gæster eller beboere", (
        "Hilser og smiler, når en kunde eller gæst kommer.",
        "Viser vej eller henter en kollega, når man ikke selv kan svare.",
    )),
    G("", SOCIAL, 3, "1.0", "Kan sige fra på en ordentlig måde", (
        "Siger fra, når en opgave er for svær eller for tung.",
        "Forklarer roligt hvorfor.",
        "Foreslår selv en anden løsning.",
    )),
    G("", SOCIAL, 3, "1.5", "Kan løse en uenighed med en kollega", (
        "Tager uenigheden op med kollegaen selv.",
        "Lytter til kollegaens side.",
        "Finder en aftale, begge kan leve med.",
    )),
    G("", PERSONLIG, 1, "0.5", "Kan lave kaffe til mødet", (
        "Laver kaffe og stiller kopper frem.",
        "Rydder op bagefter.",
    ), is_active=False),
)

INDUSTRY_GOALS = (
    # Retail
    G(I.RETAIL, FAGLIG, 1, "1.0", "Kan fylde varer op på hylderne", (
        "Fylder varer op efter hyldeplanen.",
        "Sætter de ældste varer forrest.",
        "Vender varerne med forsiden frem.",
    )),
    G(I.RETAIL, FAGLIG, 2, "1.0", "Kan tjekke datoer og tage varer med kort holdbarhed ud", (
        "Tjekker datoer efter butikkens rundeliste.",
        "Tager varer ud, der udløber i dag.",
        "Mærker varer med kort dato med rabatmærke.",
    )),
    G(I.RETAIL, FAGLIG, 2, "1.5", "Kan modtage varer og tjekke dem mod følgesedlen", (
        "Tæller kolli og tjekker mod følgesedlen.",
        "Melder manglende eller ødelagte varer til varemodtageren.",
        "Sætter kølevarer på køl inden for 15 minutter.",
    )),
    G(I.RETAIL, FAGLIG, 3, "2.0", "Kan betjene kassen selvstændigt", (
        "Scanner varer og tager imod betaling med kort og kontant.",
        "Tæller kassen op ved vagtskifte.",
        "Tilkalder en kollega ved fejl eller tyveri.",
    )),
    G(I.RETAIL, FAGLIG, 1, "0.5", "Kan holde butikken ren og ryddelig", (
        "Fejer gulvet i sit område.",
        "Fjerner pap og emballage fra gangene.",
    )),
    # Cleaning
    G(I.CLEANING, FAGLIG, 1, "1.0", "Kan gøre et kontor rent efter en rengøringsplan", (
        "Tørrer borde, håndtag og kontakter af.",
        "Tømmer skraldespande og sorterer affaldet.",
        "Støvsuger og vasker gulv i den rækkefølge, planen viser.",
    )),
    G(I.CLEANING, FAGLIG, 2, "1.0", "Kan bruge de rigtige rengøringsmidler", (
        "Vælger middel efter farvekode og overflade.",
        "Doserer efter anvisningen på dunken.",
        "Bruger handsker, når midlet kræver det.",
    )),
    G(I.CLEANING, FAGLIG, 2, "1.5", "Kan betjene en gulvvaskemaskine", (
        "Fylder vand og middel på maskinen.",
        "Kører gulvet i baner uden at springe pletter over.",
        "Tømmer og rengør maskinen efter brug.",
    )),
    G(I.CLEANING, FAGLIG, 3, "1.0", "Kan kontrollere eget arbejde med en tjekliste", (
        "Går rummet efter med tjeklisten, før det forlades.",
        "Retter selv det, der mangler.",
    )),
    G(I.CLEANING, FAGLIG, 2, "1.5", "Kan gøre et hotelværelse klar til nye gæster", (
        "Skifter sengetøj og håndklæder.",
        "Gør badeværelset rent efter hotellets standard.",
        "Fylder kaffe, te og sæbe op.",
    )),
    # Kitchen
    G(I.KITCHEN, FAGLIG, 1, "1.0", "Kan skrælle og snitte grøntsager", (
        "Bruger skærebræt med den rigtige farve.",
        "Snitter i den størrelse, kokken viser.",
        "Holder kniven sikkert.",
    )),
    G(I.KITCHEN, FAGLIG, 2, "2.0", "Kan følge en opskrift til mange personer", (
        "Finder varerne frem efter opskriften.",
        "Vejer og måler korrekt.",
        "Følger rækkefølgen og tiderne i opskriften.",
    )),
    G(I.KITCHEN, FAGLIG, 2, "1.5", "Kan holde køkkenet rent efter egenkontrollen", (
        "Gør rent efter køkkenets rengøringsplan.",
        "Holder råt og tilberedt adskilt.",
        "Skriver rengøringen på skemaet.",
    )),
    G(I.KITCHEN, FAGLIG, 1, "1.0", "Kan anrette en buffet", (
        "Stiller fade og bestik frem efter en tegning.",
        "Fylder op, før fadene bliver tomme.",
    )),
    G(I.KITCHEN, FAGLIG, 3, "1.0", "Kan måle temperatur og føre egenkontrol", (
        "Måler temperaturen i køleskabe og mad.",
        "Skriver målingen på skemaet.",
        "Siger straks til, hvis temperaturen er forkert.",
    )),
    G(I.KITCHEN, FAGLIG, 2, "1.5", "Kan bage brød efter bagerens anvisning", (
        "Afvejer ingredienserne.",
        "Former brødene ens.",
        "Holder øje med hævning og bagetid.",
    )),
    # Warehouse
    G(I.WAREHOUSE, FAGLIG, 1, "1.0", "Kan plukke ordrer efter en plukliste", (
        "Finder lokationen på listen.",
        "Plukker det rigtige antal.",
        "Kvitterer for ordren, når den er færdig.",
    )),
    G(I.WAREHOUSE, FAGLIG, 1, "0.5", "Kan pakke varer sikkert til forsendelse", (
        "Vælger en kasse i passende størrelse.",
        "Fylder tomrum, så varen ikke flytter sig.",
        "Sætter label på det rigtige sted.",
    )),
    G(I.WAREHOUSE, FAGLIG, 2, "1.5", "Kan køre sikkert med el-palleløfter", (
        "Tjekker palleløfteren før brug.",
        "Kører i gangtempo og holder afstand.",
        "Parkerer og sætter til opladning efter brug.",
    )),
    G(I.WAREHOUSE, FAGLIG, 3, "2.0", "Kan tælle lager op og melde afvigelser", (
        "Tæller varerne på en lokation.",
        "Sammenligner med tallet i systemet.",
        "Melder afvigelser til lagerformanden.",
    )),
    # Gardening
    G(I.GARDENING, FAGLIG, 1, "0.5", "Kan slå græs med plæneklipper", (
        "Tjekker benzin og olie før start.",
        "Slår græsset i baner.",
        "Bruger høreværn og sikkerhedssko.",
    )),
    G(I.GARDENING, FAGLIG, 1, "1.0", "Kan luge og rense bede", (
        "Kender forskel på ukrudt og planter i bedet.",
        "Fjerner ukrudtet med rod.",
    )),
    G(I.GARDENING, FAGLIG, 2, "1.5", "Kan beskære buske efter anvisning", (
        "Klipper i den højde og form, gartneren viser.",
        "Bruger hækkeklipper sikkert.",
        "Samler det afklippede op.",
    )),
    G(I.GARDENING, FAGLIG, 2, "1.0", "Kan vedligeholde og rengøre haveredskaber", (
        "Rengør redskaberne efter brug.",
        "Hænger redskaberne på deres plads.",
        "Melder fejl på maskiner.",
    )),
    G(I.GARDENING, FAGLIG, 3, "2.0", "Kan planlægge en dags arbejde på en grøn plads", (
        "Læser opgavelisten for pladsen.",
        "Pakker de redskaber, der skal bruges.",
        "Gør opgaverne færdige i en fornuftig rækkefølge.",
    )),
    # Workshop
    G(I.WORKSHOP, FAGLIG, 1, "1.0", "Kan bruge håndværktøj sikkert", (
        "Vælger det rigtige værktøj til opgaven.",
        "Bruger sikkerhedsbriller og handsker.",
        "Lægger værktøjet på plads efter brug.",
    )),
    G(I.WORKSHOP, FAGLIG, 2, "2.0", "Kan måle op og afkorte træ efter en tegning", (
        "Måler op med tommestok og vinkel.",
        "Afkorter med en afvigelse på højst 2 mm.",
        "Tjekker målene, før delene samles.",
    )),
    G(I.WORKSHOP, FAGLIG, 2, "1.5", "Kan bruge søjleboremaskine med værnemidler", (
        "Spænder emnet fast.",
        "Vælger bor og hastighed efter materialet.",
        "Bruger briller og har langt hår sat op.",
    )),
    G(I.WORKSHOP, FAGLIG, 2, "1.5", "Kan samle et møbel efter en vejledning", (
        "Lægger delene frem og tjekker, at alt er der.",
        "Følger vejledningens trin.",
    )),
    G(I.WORKSHOP, FAGLIG, 1, "0.5", "Kan holde værkstedet ryddeligt", (
        "Fejer ved sin arbejdsplads ved dagens slutning.",
        "Lægger værktøj og materialer på plads.",
    )),
    G(I.WORKSHOP, FAGLIG, 3, "3.0", "Kan udføre en mindre reparation selvstændigt", (
        "Finder fejlen og forklarer den.",
        "Vælger værktøj og reservedele.",
        "Afprøver, at tingen virker bagefter.",
    )),
    G(I.WORKSHOP, FAGLIG, 2, "1.5", "Kan skifte hjul og dæk på en bil", (
        "Løfter bilen sikkert med donkraft.",
        "Spænder møtrikker med momentnøgle.",
        "Tjekker dæktryk.",
    )),
    # Care
    G(I.CARE, FAGLIG, 1, "1.0", "Kan dække bord og servere for beboerne", (
        "Dækker bord efter afdelingens faste måde.",
        "Serverer maden og spørger, hvad beboeren ønsker.",
    )),
    G(I.CARE, SOCIAL, 2, "1.0", "Kan gå tur med en beboer og tale med vedkommende", (
        "Går i beboerens tempo.",
        "Taler om noget, beboeren er optaget af.",
        "Fortæller personalet, hvordan turen gik.",
    )),
    G(I.CARE, FAGLIG, 3, "2.0", "Kan planlægge og holde en aktivitet for beboerne", (
        "Vælger en aktivitet sammen med personalet.",
        "Finder det, der skal bruges, frem.",
        "Gennemfører aktiviteten og rydder op.",
    )),
    G(I.CARE, PERSONLIG, 1, "0.5", "Kan overholde tavshedspligten", (
        "Fortæller ikke om beboerne uden for arbejdet.",
        "Lægger ikke billeder fra arbejdet på sociale medier.",
    )),
    G(I.CARE, FAGLIG, 2, "1.0", "Kan holde hygiejnereglerne i plejen", (
        "Spritter hænder før og efter kontakt med en beboer.",
        "Bruger handsker og forklæde, når det er aftalt.",
    )),
    # Agriculture
    G(I.AGRICULTURE, FAGLIG, 1, "1.0", "Kan fodre dyrene efter foderplanen", (
        "Læser foderplanen på tavlen.",
        "Giver den rigtige mængde til hver gruppe.",
        "Fortæller, hvis et dyr ikke æder.",
    )),
    G(I.AGRICULTURE, FAGLIG, 1, "1.0", "Kan muge ud og strø i boksene", (
        "Muger ud med skovl og trillebør.",
        "Strør med den mængde halm, der er aftalt.",
    )),
    G(I.AGRICULTURE, FAGLIG, 2, "1.5", "Kan se og melde tegn på sygdom hos dyrene", (
        "Kender tegn som halten, feber og manglende ædelyst.",
        "Melder det til driftslederen samme dag.",
    )),
    G(I.AGRICULTURE, FAGLIG, 2, "2.0", "Kan køre minilæsser under opsyn", (
        "Tjekker maskinen før start.",
        "Kører roligt og holder øje med dyr og mennesker.",
    )),
    G(I.AGRICULTURE, FAGLIG, 3, "3.0", "Kan passe staldens daglige rutiner selvstændigt", (
        "Gennemfører morgenrutinen uden hjælp.",
        "Prioriterer selv, når noget uventet sker.",
        "Giver en kort status til driftslederen.",
    )),
    # Office
    G(I.OFFICE, FAGLIG, 1, "0.5", "Kan sortere og fordele post", (
        "Sorterer posten efter afdeling.",
        "Lægger den i de rigtige bakker før kl. 10.",
    )),
    G(I.OFFICE, SOCIAL, 2, "1.0", "Kan tage telefonen og skrive en besked", (
        "Siger firmaets navn og sit eget navn.",
        "Skriver navn, nummer og ærinde ned.",
        "Giver beskeden videre samme dag.",
    )),
    G(I.OFFICE, FAGLIG, 2, "1.5", "Kan taste data ind i et regneark", (
        "Taster tal og tekst ind i de rigtige kolonner.",
        "Tjekker sine tal mod papiret.",
        "Gemmer filen det aftalte sted.",
    )),
    G(I.OFFICE, FAGLIG, 3, "1.5", "Kan skrive en kort e-mail til en kunde", (
        "Skriver en tydelig overskrift.",
        "Skriver kort og høfligt.",
        "Får en kollega til at læse med ved tvivl.",
    )),
    G(I.OFFICE, FAGLIG, 1, "0.5", "Kan arkivere papirer efter et system", (
        "Arkiverer efter dato og navn.",
        "Finder et papir frem igen, når nogen beder om det.",
    )),
    G(I.OFFICE, FAGLIG, 1, "0.5", "Kan betjene omstillingsbordet", (
        "Stiller opkald videre til den rigtige person.",
    ), is_active=False),
    G(I.WORKSHOP, FAGLIG, 1, "0.5", "Kan vaske en bil", (
        "Vasker bilen oppefra og ned.",
        "Tørrer ruder og spejle af.",
    ), is_active=False),
)
# fmt: on

# What a mentor writes on a phone at the workplace, by the level seen.
MENTOR_NOTES = {
    1: (
        "Fik hjælp til at komme i gang, men gjorde det færdigt.",
        "Vi gjorde det sammen i dag. Det kommer.",
        "Skulle vises det to gange, så gik det.",
        "Spurgte selv, da noget var uklart. Godt!",
        "Lidt usikker i dag, men gik ikke i stå.",
        "",
    ),
    2: (
        "Klarede det meste selv. Jeg tjekkede bagefter.",
        "Gik selv i gang efter morgenmødet.",
        "Skulle kun mindes én gang i dag.",
        "Godt tempo i dag, og fint arbejde.",
        "Fandt selv ud af, hvad der manglede.",
        "",
    ),
    3: (
        "Klarede det helt selv, også da der kom en ekstra levering.",
        "Viste en ny kollega, hvordan man gør. Stærkt!",
        "Helt selvkørende nu.",
        "Løste et problem selv uden at spørge.",
        "",
    ),
}

CASEWORKER_NOTES = (
    "Set ved besøg på arbejdspladsen.",
    "Talt igennem ved opfølgningen. Den unge siger selv, at det går bedre.",
    "Mentor fortalte om det i telefonen.",
    "Vi så på målet sammen med mentor.",
)

FOLLOW_UP_NOTES = {
    "visit": (
        "Besøg på arbejdspladsen. {name} viste stolt, hvordan opgaverne klares. "
        "{mentor} er tilfreds med fremmødet.",
        "Kort besøg i frokostpausen. {name} sad sammen med kollegerne. Vi aftalte at "
        "øge med en time om ugen.",
        "Besøg sammen med {name}. Vi gennemgik målene med {mentor}. To mål er tæt på næste niveau.",
    ),
    "phone": (
        "Telefonsamtale med {mentor}. Godt fremmøde de sidste to uger. Ingen bekymringer.",
        "{mentor} ringede: {name} var ikke mødt mandag. Jeg ringede til {name}, som havde "
        "haft en svær weekend. Møder igen i morgen.",
        "Ringede til {name} efter arbejde. Glad for opgaverne, men træt om eftermiddagen. "
        "Vi taler med {mentor} om en kortere fredag.",
    ),
    "meeting": (
        "Opfølgningsmøde med {name} og {mentor}. Forventningerne er afstemt igen, og "
        "skånehensynene holder.",
        "Statusmøde. {name} vil gerne fortsætte. Vi ser på målene igen om fire uger.",
        "Møde på kontoret med {name}. Vi talte om Min drøm og næste skridt efter praktikken.",
    ),
}

ACCOMMODATIONS = (
    "Korte pauser hver time. Tydelige beskeder, én ting ad gangen.",
    "Arbejder helst sammen med én fast kollega. Ingen kundekontakt i de travleste timer.",
    "Starter med få timer om dagen og øger langsomt. Ring til os, hvis den unge ikke møder.",
    "Skriftlig huskeliste med dagens opgaver. Vis opgaven først, så den unge kan se den.",
    "Må holde pause med høretelefoner. Sig til i god tid, hvis planen ændres.",
    "Fast mødetid og fast plads i frokoststuen. Skriv en sms i stedet for at ringe.",
)

EXPECTATIONS = (
    "Møder {days} kl. {start}. Giver besked til {mentor} før kl. 8 ved sygdom. "
    "Vi følger op hver anden uge.",
    "Møder {days} kl. {start}. Målet er at lære faste opgaver og blive tryg på "
    "arbejdspladsen. {mentor} skriver i loggen en gang om ugen.",
    "Møder {days} kl. {start}. Vi holder et kort møde hver fjerde uge med {mentor} og "
    "den unge om målene.",
)

WORKDAYS = {
    1: "om mandagen",
    2: "mandag og onsdag",
    3: "mandag, onsdag og fredag",
    4: "mandag til torsdag",
    5: "mandag til fredag",
}
