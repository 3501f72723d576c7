"""The words of the demo workbook: our team and assets, five handcrafted accounts, and fragments for generated ones.

We are Verdant Systems, an energy and building-technology company (connected refrigeration, batteries, HVAC
service, energy-as-a-service financing, carbon data). Day offsets are relative to "today" when the demo is
written: negative is in the past. Keys ("cfo", "m2", "g4") only link rows within one account; team and asset
keys are shared by all accounts. `store/demo.py` turns this into rows.

Formats (one tuple per row):
- TEAM: key, name, title, function, organisation, email domain, notes
- ASSETS: key, name, kind, owner key, description
- people: key, name, title, level, buying role, influence, stance, reports-to key, last contact (days ago), personal wins, notes
- influences: from, to, strength 1-3, note;  coverage: person, team member, strength 1-5, note
- meetings: dicts (key, kind, title, day, at, minutes, where, who, us, purpose, outcome, notes)
- goals, in boardroom-agenda order: key, category, title, priority, status, horizon, kpi, target, "person@meeting", owner, description
- insights: meeting, kind, goal, person, text;  actions: meeting, owner, due (day), done, text
- touchpoints: person, team member, day, channel, response, content
- ideas: key, stage, origin ("meeting:m2"), "customer-value our-value effort confidence", revenue, goal links "g1:3 g4:1",
  asset keys, people keys, tags, title, description, reason ("merged:i2 ..." merges into another idea)
- investments: name, kind, status, amount, period ("q-2" = two quarters ago, "m+1" = next month), expected, actual,
  idea, goal shares "g1:.6 g3:.2", notes
- financials: eight quarterly revenues in thousands (oldest first), cost of goods, cost to serve, other costs (as shares)
"""

from __future__ import annotations

OUR_ORGANISATION = "Verdant Systems"

TEAM = [
    ("dir", "Helen Marsh", "Managing Director, Northern Europe", "executive", OUR_ORGANISATION, "verdantsystems.eu", "Executive sponsor for the strategic accounts. Prefers one page and a clear ask."),
    ("ad", "Claire Fontaine", "Account Director, Strategic Accounts", "sales", OUR_ORGANISATION, "verdantsystems.eu", "Leads Marlowe & Finch and Nordwave. Twenty years in retail and telecom energy."),
    ("kam1", "Tomás Reyes", "Key Account Manager, Retail & Financial Services", "sales", OUR_ORGANISATION, "verdantsystems.eu", "Day-to-day lead at Banca Adriatica; supports Claire on Marlowe & Finch."),
    ("kam2", "Priya Nair", "Key Account Manager, Healthcare & Public Sector", "sales", OUR_ORGANISATION, "verdantsystems.eu", "Former hospital estates engineer; speaks the language of technical directors."),
    ("kam3", "Jonas Weber", "Key Account Manager, Industrial", "sales", OUR_ORGANISATION, "verdantsystems.eu", "Covers automotive and process industry; based in Stuttgart."),
    ("mkt", "Sophie Laurent", "Head of Customer Marketing", "marketing", OUR_ORGANISATION, "verdantsystems.eu", "Runs co-marketing, events and the annual Energy Benchmark."),
    ("ops", "Marek Novák", "Director of Field Operations", "operations", OUR_ORGANISATION, "verdantsystems.eu", "Owns installation and engineering capacity; the person who makes pilots real."),
    ("sc", "Aisha Bello", "Supply Chain Lead", "supply chain", OUR_ORGANISATION, "verdantsystems.eu", "Battery and controller supply; knows lead times by heart."),
    ("fin", "Daniel Okafor", "Commercial Finance Partner", "finance", OUR_ORGANISATION, "verdantsystems.eu", "Builds the energy-as-a-service models and the account P&Ls."),
    ("svc", "Lena Holm", "Customer Service Manager", "service", OUR_ORGANISATION, "verdantsystems.eu", "Runs the 24/7 Verdant Care desk and the service-level reviews."),
    ("agency", "Inês Duarte", "Creative Director", "agency", "Northlight Creative", "northlight.studio", "Our creative agency for co-branded campaigns and customer workshops."),
    ("alliance", "Greg Pattison", "Partner Manager, Energy & Utilities", "alliance partner", "Sable Cloud", "sablecloud.com", "Alliance partner for IoT platform and cloud analytics; co-sells with us."),
    ("datap", "Ravi Menon", "Head of Data Partnerships", "alliance partner", "Meridian Analytics", "meridian-analytics.eu", "Data partner: anonymised site-energy data and carbon factors."),
]

ASSETS = [
    ("brand", "Verdant brand and 'Energy you can see' platform", "brand", "mkt", "Our brand and campaign platform; co-branding rules agreed with legal."),
    ("coldsense", "ColdSense connected refrigeration controls", "product", "ops", "Case-level temperature sensing and controllers; retrofit in one night per store."),
    ("helio", "Helio battery storage (50–500 kWh)", "product", "sc", "Modular lithium-iron-phosphate storage for sites, with backup-power mode."),
    ("care", "Verdant Care 24/7 remote monitoring and maintenance", "service", "svc", "Remote alarm triage, predictive maintenance and guaranteed response times."),
    ("eaas", "Energy-as-a-Service financing", "capability", "fin", "We fund, own and maintain the kit; the customer pays from verified savings. Off balance sheet under IFRS 16 review."),
    ("audit", "Site energy audit and engineering team", "capability", "ops", "Forty engineers who audit a site in a day and size retrofits."),
    ("benchmark", "Energy Benchmark 2026 (1,400 sites)", "insight", "mkt", "Annual benchmark of energy use per site across retail, healthcare, industry and telecom."),
    ("sable", "Sable Cloud IoT alliance", "alliance", "alliance", "Joint platform for device data, digital twins and analytics."),
    ("gridflex", "Grid-operator flexibility partnerships", "alliance", "dir", "Agreements with four transmission operators to bid site flexibility into balancing markets."),
    ("flex", "Verdant Flex demand-response aggregation", "emerging business", "fin", "Pays customers for shifting load; revenue shared 70/30 in the customer's favour."),
    ("heat", "Heat reuse and heat-pump integration", "emerging business", "ops", "Recovers waste heat from refrigeration and cooling to heat water and buildings."),
    ("sitedata", "Meridian anonymised site-energy dataset", "data", "datap", "Half-hourly energy data from 9,000 sites, anonymised, for benchmarking and forecasting."),
    ("carbon", "Verdant Carbon Ledger", "data", "datap", "Emission factors and product carbon footprints, exchangeable through Catena-X."),
]

ACCOUNTS: list[dict] = [
    # ------------------------------------------------------------------------------------------------ grocer
    {
        "name": "Marlowe & Finch Supermarkets",
        "industry": "Grocery retail",
        "tier": "strategic",
        "currency": "GBP",
        "owner": "ad",
        "domain": "marlowefinch.co.uk",
        "phone": "+44 7700 900",
        "purpose": "Together we make every Marlowe & Finch store the freshest and least wasteful in Britain: cold chains that never break, energy that costs less every year, and food that ends up in baskets, not bins.",
        "objectives": "Grow from refrigeration supplier to M&F's freshness and energy partner: win the 2027–29 refrigeration framework (about 180 store refits), scale ColdSense from 140 to all 640 stores, and reach £26m annual revenue at 18% account contribution by FY2028. Earn a seat at the Net Zero Steering Group.",
        "notes": "640 stores, 38,000 colleagues, fourth-largest grocer by share. Financial year ends in February.",
        "people": [
            ("ceo", "Rebecca Thorne", "Chief Executive", "board", "decision maker", 5, "neutral", None, 95, "Her 'Fresh First' turnaround story for the City; two consecutive quarters of like-for-like growth before the capital markets day.", "Ex-Tesco. Reads everything on one page. Met her twice, both times at industry dinners."),
            ("cfo", "Martin Achterberg", "Chief Financial Officer", "board", "economic buyer", 5, "sceptic", "ceo", 48, "Keep capex inside the £410m envelope; be the CFO who made sustainability pay back.", "Challenges every payback over three years. Open to off-balance-sheet models if the auditors agree."),
            ("coo", "Olivia Grant", "Chief Operating Officer", "executive", "decision maker", 5, "champion", "ceo", 9, "Joined 14 months ago from Sainsbury's; needs a visible operational win to establish herself with the board.", "Our strongest sponsor. Prefers pilots with hard numbers over slideware."),
            ("comm", "James Whitfield", "Chief Commercial Officer", "executive", "decision maker", 4, "neutral", "ceo", 110, "Win back fresh share from Aldi and Lidl without giving away margin.", "Owns the category teams. Hardly knows us; sees us as 'the fridge people'."),
            ("sust", "Dr Kwame Asante", "Director of Sustainability", "senior", "influencer", 4, "supporter", "ceo", 21, "Publish a credible, audited food-waste number in the 2027 annual report; a speaking slot at the IGD summit.", "Former WRAP researcher. Values rigour over marketing."),
            ("prop", "Fiona McLeod", "Property & Estates Director", "executive", "technical buyer", 4, "neutral", "cfo", 70, "Deliver the store refit programme on time with fewer contractors on site at night.", "Runs the refit budget. Burnt by a controls supplier in 2023; wants references."),
            ("refr", "Gareth Pryce", "Head of Refrigeration Engineering", "senior", "technical buyer", 3, "supporter", "prop", 5, "Fewer 3 a.m. call-outs; wants his team seen as innovators, not fire-fighters.", "Twenty-two years at M&F. Knows every store's plant by its quirks."),
            ("cat", "Hannah Okonkwo", "Category Director, Chilled & Fresh", "senior", "influencer", 4, "sceptic", "comm", 15, "Hit her 22% fresh margin; no promotions that fund a supplier's brand instead of her category.", "Sceptical about promo spend: 'margin we give away twice'. Respects shopper data."),
            ("stores", "Dev Malhotra", "Director of Store Operations", "senior", "user", 3, "supporter", "coo", 30, "Simpler routines for store colleagues; fewer alarms nobody acts on.", "Runs 12 regional managers. Practical, quick to test things in his own region."),
            ("energy", "Sam Whitaker", "Energy & Utilities Manager", "manager", "coach", 2, "champion", "prop", 3, "Promotion to Head of Energy; wants to present the flexibility business case himself.", "Tells us how decisions really get made. Keep him credit-worthy: never surprise him."),
            ("proc", "Lorraine Beck", "Head of Indirect Procurement", "senior", "gatekeeper", 3, "detractor", "cfo", 40, "Cut the indirect supplier base by 25%; sees us as one of three interchangeable refrigeration vendors.", "Running the framework tender. Dislikes suppliers going around procurement."),
            ("data", "Tom Ridley", "Head of Data & Insight", "manager", "user", 2, "neutral", "comm", 62, "Get store-level waste data into the category dashboards.", "Owns the loyalty-card analytics; could make or break the markdown idea."),
        ],
        "influences": [
            ("coo", "cfo", 2, "Olivia and Martin co-chair the capex committee; she needs him on side for any multi-year deal."),
            ("cat", "comm", 3, "James relies on Hannah's view of anything touching the fresh P&L."),
            ("sust", "ceo", 2, "Kwame drafts the CEO's sustainability messages for the annual report."),
            ("energy", "refr", 2, "Sam and Gareth run the weekly energy and plant call together."),
            ("proc", "cfo", 2, "Lorraine's supplier consolidation is one of Martin's FY27 savings lines."),
        ],
        "coverage": [
            ("coo", "ad", 5, "Monthly one-to-one since the discovery session."),
            ("coo", "dir", 3, None),
            ("ceo", "dir", 2, "Two dinners; no working relationship yet."),
            ("cfo", "fin", 2, "Daniel has met his finance business partner, not Martin himself."),
            ("sust", "mkt", 3, None),
            ("refr", "ops", 4, "Marek and Gareth go back to the 2019 R404A phase-out."),
            ("energy", "kam1", 5, None),
            ("stores", "svc", 3, None),
            ("cat", "mkt", 2, "Hannah takes Sophie's calls, but only with data."),
            ("proc", "kam1", 2, None),
            ("data", "datap", 2, "Ravi and Tom met at the data workshop."),
        ],
        "meetings": [
            {"key": "m1", "kind": "discovery", "title": "Discovery: food waste and cold-chain losses", "day": -132, "at": "10:00", "minutes": 120,
             "where": "M&F Support Centre, Milton Keynes", "who": "coo sust refr stores", "us": "ad kam1 ops",
             "purpose": "Understand where fresh food is lost between depot and shelf, and what the COO will be measured on.",
             "outcome": "Waste target confirmed by Olivia (30% by 2028 against the 2024 baseline). M&F will share 12 months of ColdSense alarm data from the 140 pilot stores.",
             "notes": """## Context
Olivia Grant asked for the session after her first 100-store review. Fresh and chilled waste runs at **3.1% of fresh sales**, worst in ready meals and bakery. The board has promised to halve waste by 2030; Olivia wants 30% by 2028 as her own milestone.

## What we heard
- About a third of chilled losses trace back to overnight temperature excursions, mostly in older stores with R404A cases.
- Store colleagues no longer trust the alarms ("it cries wolf"), so alarms get silenced.
- Markdowns happen too late in the day: stores have no signal for which lines will go out of date.
- Gareth's engineers spend 60% of their hours on reactive call-outs.

> "I don't need another dashboard. I need fewer bins at the back door in Stockport." — Olivia Grant

## Our read
The waste target is the COO's calling card with the board. ColdSense data can tie excursions to write-offs store by store; nobody at M&F has that view today. Kwame cares about the method as much as the number.

## Next steps
- Marek runs the excursion-to-waste correlation on the 140 pilot stores.
- Claire proposes a co-creation workshop with Kwame's and Hannah's teams.
"""},
            {"key": "m2", "kind": "co-creation", "title": "Co-creation workshop: Fresher for Longer", "day": -88, "at": "09:30", "minutes": 240,
             "where": "Verdant Innovation Lab, Leeds", "who": "sust refr cat data energy", "us": "kam1 mkt ops agency datap",
             "purpose": "Turn the excursion analysis into ideas that stores and the category team would back.",
             "outcome": "Fourteen ideas captured, five shortlisted. Hannah sceptical about anything customer-facing; Kwame keen to publish the waste methodology.",
             "notes": """## Warm-up
Marek showed the correlation: stores with more than four excursions a week write off **1.8x** more chilled stock. The Wythenshawe store lost £18k of ready meals in one night in July when a case defrosted and nobody saw the alarm.

## Ideas we built together
1. An early-warning call to the duty manager before product is lost, not after.
2. A 4 p.m. markdown signal per product line, using temperature history and sell-by dates.
3. A published, audited waste methodology, with M&F as the sector reference.
4. A shelf-edge "freshness promise" campaign (ours to co-fund).

## Tension in the room
Hannah challenged the campaign hard:

> "Promotions that fund your brand are margin I give away twice. Show me volume, or keep the money." — Hannah Okonkwo

Tom Ridley offered loyalty-card data to test whether fresher chilled lines sell through faster. That would answer her question with her own numbers.

## Shortlist
- Early warning (Gareth to sponsor)
- Markdown signal (Tom and Hannah, if the data holds)
- Waste methodology (Kwame)
- Alarm triage app for colleagues (Dev)
- Refrigeration-as-a-service for the refit wave (to take to Martin)
"""},
            {"key": "m3", "kind": "business review", "title": "Q3 joint business plan review", "day": -34, "at": "14:00", "minutes": 90,
             "where": "Microsoft Teams", "who": "coo cfo prop proc refr", "us": "ad fin kam1 dir",
             "purpose": "Review the joint business plan: pilot results, service levels, the 2027 refit wave and the framework tender.",
             "outcome": "CFO challenged the 4.2-year payback on the refrigeration retrofit and asked for an energy-as-a-service option. Procurement wants three bids for the framework.",
             "notes": """## Scorecard
| | Plan | Actual |
|---|---|---|
| Stores on ColdSense | 140 | 140 |
| Call-outs per store per month | 2.0 | 1.3 |
| Chilled waste, pilot stores | -12% | -17% |

## Discussion
- Olivia opened by crediting the pilot for the waste numbers in her board pack.
- Martin accepted the savings but not the capex profile:

> "Show me a model where the savings pay for the kit inside the first year's budget, or it doesn't reach the capex committee." — Martin Achterberg

- Fiona wants a single sequence for the 2027 refits; she will not run two contractors in one store.
- Lorraine confirmed a three-bid framework tender in Q1 and asked that all contact go through procurement.

## Actions
- Daniel to send an energy-as-a-service term sheet.
- Fiona to share refit costs per store.
"""},
            {"key": "m4", "kind": "social", "title": "IGD sustainability summit dinner", "day": -19, "at": "19:00", "minutes": 180,
             "where": "IGD Sustainability Summit, London", "who": "sust energy comm", "us": "dir mkt",
             "purpose": "Build the relationship with James Whitfield and support Kwame's panel.",
             "outcome": "James open to talking about freshness as a competitive weapon against the discounters.",
             "notes": """## Evening
Kwame's panel on food-waste data went well; he quoted the pilot result (-17%) without naming us, which is fine.

Helen sat next to James Whitfield at dinner. He was candid:
- Price is a losing battle against Aldi and Lidl; **freshness is the one fight M&F can win**.
- He has never seen our data and assumed we "just sell fridges".

> "If you can prove fresher chilled means more baskets, you'll have my attention." — James Whitfield

## Follow-up
Sophie to send the Kantar freshness-perception study; ask Tom Ridley to join the next data session.
"""},
            {"key": "m5", "kind": "executive", "title": "Executive sponsor meeting: three-year partnership", "day": 6, "at": "11:00", "minutes": 90,
             "where": "M&F Support Centre, Milton Keynes", "who": "ceo coo cfo", "us": "dir ad fin",
             "purpose": "Agree the shape of a three-year freshness and energy partnership; ask Rebecca to sponsor the waste publication.",
             "outcome": None,
             "notes": """## Agenda
1. What the pilot delivered (Olivia presents, not us)
2. The three-year partnership: refits, monitoring, flexibility revenue
3. Funding: energy-as-a-service versus capex
4. The waste methodology and the 2027 annual report

## Our asks
- Rebecca sponsors the partnership and the published methodology.
- Martin agrees to evaluate energy-as-a-service alongside the framework tender.

## Watch-outs
- Martin will test the payback again: bring the term sheet and the auditor's view.
- Do not mention the framework tender; Lorraine owns it.
"""},
        ],
        "goals": [
            ("g1", "strategic", "Cut food waste 30% by 2028", 5, "confirmed", "medium", "Fresh and chilled waste as % of fresh sales", "3.1% → 2.2% by FY2028", "coo@m1", "coo", "Fresh and chilled write-offs down 30% against the 2024 baseline, on the way to halving waste by 2030 as promised in the annual report."),
            ("g2", "financial", "Lift operating margin from 2.9% to 3.5%", 5, "confirmed", "medium", "Group operating margin", "3.5% by FY2028", "cfo@m3", "cfo", "Energy and waste are the two cost lines the CFO believes can still move without hurting prices."),
            ("g3", "competitive", "Win back fresh share from the discounters", 4, "confirmed", "short", "Fresh market share (Kantar, 12 w/e)", "+0.4 points in 12 months", "comm@m4", "comm", "Compete on freshness, not price, against Aldi and Lidl in chilled and bakery."),
            ("g4", "strategic", "Net-zero store operations by 2035", 4, "confirmed", "long", "Scope 1 and 2 emissions (tCO2e)", "-55% by 2030 against 2019", "sust@m1", "sust", "Refrigerant leakage is 31% of M&F's scope 1 and 2 footprint."),
            ("g5", "political", "Lead the sector on food-waste reporting before it becomes mandatory", 3, "unconfirmed", "short", "Audited waste disclosure", "Published in the 2027 annual report", None, "sust", "DEFRA's consultation on mandatory reporting; M&F wants to be the reference, not the laggard."),
            ("g6", "interpersonal", "Establish the new COO's credibility with the board", 3, "unconfirmed", "short", "Board-approved programme led by the COO", "One flagship programme approved by Q2", None, "coo", "Olivia needs a visible, numbers-backed operational win within her first two years."),
            ("g7", "financial", "Keep capex inside the £410m envelope", 3, "confirmed", "short", "Group capex", "≤ £410m in FY2027", "cfo@m3", "cfo", "No project above three years' payback gets capex; off-balance-sheet options welcome."),
            ("g8", "competitive", "Store energy cost per sq ft below the Big Four average", 2, "achieved", "short", "Energy cost per sq ft", "£9.80 (reached £9.65 in FY2026)", "energy@m1", "prop", "Achieved through the 2025 power contract and LED roll-out."),
            ("g9", "political", "Consolidate refrigeration suppliers from five to three", 2, "dropped", "short", "Refrigeration suppliers under contract", "3 by 2027", "proc@m3", "proc", "Dropped: replaced by the 2027 framework tender."),
        ],
        "insights": [
            ("m1", "quote", "g1", "coo", "\"I don't need another dashboard. I need fewer bins at the back door.\""),
            ("m1", "observation", "g1", "stores", "Alarms are silenced in 41 of the 140 pilot stores because colleagues no longer trust them."),
            ("m2", "need", "g3", "cat", "Category wants a markdown signal per product line by 4 p.m., not an engineering alarm."),
            ("m2", "need", "g5", "sust", "Sustainability needs an auditable waste methodology before DEFRA makes reporting mandatory."),
            ("m3", "pressure", "g7", "cfo", "The capex committee rejects anything with a payback above three years; off-balance-sheet models need auditor sign-off."),
            ("m3", "pressure", "g2", "proc", "Procurement will run a three-bid framework tender for 180 store refits in Q1."),
            ("m4", "observation", "g3", "comm", "Commercial sees freshness as the one place M&F can out-compete the discounters; price is a losing battle."),
        ],
        "actions": [
            ("m1", "ops", -110, True, "Run the excursion-to-waste correlation across the 140 pilot stores"),
            ("m2", "kam1", -60, True, "Send Hannah's team the shortlisted ideas with volume assumptions"),
            ("m2", "sust", -20, True, "Book the auditor walkthrough of the waste methodology"),
            ("m3", "fin", -12, False, "Send the energy-as-a-service term sheet to Martin Achterberg"),
            ("m3", "prop", -5, False, "Share refit costs per store for the 2027 wave"),
            ("m3", "proc", 9, False, "Confirm the framework tender timetable and evaluation criteria"),
            ("m4", "mkt", 3, False, "Send James Whitfield the Kantar freshness-perception study"),
            ("m5", "ad", 4, False, "Write the one-page partnership proposal for Rebecca Thorne"),
        ],
        "touchpoints": [
            ("ceo", "dir", -95, "linkedin", "none", "Congratulated Rebecca on the 'Fresh First' results and shared the Energy Benchmark 2026 retail chapter."),
            ("cfo", "fin", -48, "email", "replied", "Sent the energy-as-a-service case study from a Dutch grocer (off balance sheet, 14% IRR)."),
            ("sust", "mkt", -21, "event", "positive", "Invited Kwame to co-present the pilot method at the IGD summit panel."),
            ("cat", "kam1", -15, "email", "negative", "Shared shopper research on freshness perception; Hannah replied it 'proves nothing about promo ROI'."),
            ("energy", "kam1", -3, "phone", "meeting", "Walked Sam through the demand-flexibility revenue model; he booked a session with finance."),
        ],
        "ideas": [
            ("i1", "adopted", "meeting:m1", "5 4 2 5", 380000, "g1:3 g4:1", "coldsense care", "refr ops", "waste coldsense stores", "Overnight excursion early warning for chilled cases", "Call the duty manager when a case drifts, 40 minutes before product is at risk. Live in 140 stores.", None),
            ("i2", "piloting", "meeting:m2", "5 4 3 4", 650000, "g1:3 g3:2", "sitedata coldsense", "cat data datap", "waste markdown data", "4 p.m. markdown signal from temperature history", "Per product line, flag what will go out of date tomorrow so stores mark down earlier and deeper. 25-store pilot.", None),
            ("i3", "proposed", "internal", "4 5 4 3", 9200000, "g7:3 g2:2 g4:2", "eaas coldsense", "cfo fin ad", "finance refrigeration eaas", "Refrigeration-as-a-service for the 2027 refit wave", "We fund, install and maintain CO2 refrigeration in 180 stores; M&F pays monthly from verified energy and waste savings.", None),
            ("i4", "co-creating", "customer", "4 3 2 4", None, "g5:3 g6:1", "benchmark brand", "sust mkt", "reporting reputation", "Publish an audited food-waste methodology together", "Kwame's method, our sensor data, an auditor's opinion: M&F becomes the sector reference before reporting is mandatory.", None),
            ("i5", "shaping", "partner", "3 4 3 3", 1100000, "g2:2 g4:2", "flex gridflex", "energy alliance", "energy flexibility", "Demand-flexibility revenue from store refrigeration", "Pre-cool cases and shift load at peak; bid the flexibility into the balancing market and share the revenue.", None),
            ("i6", "co-creating", "meeting:m1", "4 3 2 4", 120000, "g1:2 g6:2", "care", "stores svc", "stores colleagues app", "Alarm triage in three taps for store colleagues", "Replace the siren with a phone prompt: what is wrong, what to move, who is coming.", None),
            ("i7", "proposed", "customer", "3 4 1 4", None, "g6:3 g1:1", "audit", "coo ad", "governance waste", "Monthly waste war-room with the COO's team", "One hour a month: the ten worst stores, what happened, what changed. Our engineers in the room.", None),
            ("i8", "captured", "meeting:m3", "4 4 5 2", 7400000, "g4:3", "eaas audit", "prop refr", "refrigeration net-zero", "CO2 conversion of the 60 oldest stores", "Replace R404A plant in the worst-leaking stores first; halves refrigerant emissions.", None),
            ("i9", "declined", "meeting:m2", "2 3 2 2", 250000, "g3:1", "brand", "cat agency", "marketing promo", "'Freshness promise' shelf-edge campaign co-funded with us", "Shelf-edge and app messaging on chilled freshness, co-funded by Verdant.", "Hannah Okonkwo declined: promo money should fund price, not messaging. Revisit only with category volume data."),
            ("i10", "parked", "internal", "3 3 4 2", 900000, "g4:2", "heat", "refr", "heat net-zero", "Heat reuse from refrigeration for store hot water", "Recover condenser heat; removes gas boilers in 200 stores.", "Parked until the 2027 refit sequence is known."),
            ("i11", "captured", "internal", "3 4 4 2", 2600000, "", "helio", "kam1", "ev new-revenue", "EV charging in 120 car parks with revenue share", "Chargers and batteries in car parks; dwell time is 38 minutes.", None),
            ("i12", "declined", "meeting:m2", "3 2 2 3", None, "", "sitedata", "data", "data dashboard", "Cold-chain dashboard for regional managers", "A regional view of excursions and waste.", "merged:i2 Merged into the markdown pilot: same data, same users."),
        ],
        "investments": [
            ("ColdSense pilot hardware, 140 stores", "pilot", "spent", 420000, "q-5", 600000, 710000, "i1", "g1:.7 g4:.2", "Paid back in 11 months from avoided write-offs (M&F's own figures)."),
            ("Fresher for Longer workshop and analytics", "service", "spent", 45000, "m-3", 120000, 60000, "i2", "g1:.5 g3:.5", None),
            ("Markdown-signal pilot, 25 stores", "pilot", "committed", 180000, "q+0", 650000, None, "i2", "g1:.6 g3:.4", None),
            ("Dedicated on-site energy analyst (12 months)", "people", "committed", 95000, "q+1", 300000, None, None, "g2:.5", "Half of the role supports our own pipeline, so only half is linked to a goal."),
            ("Framework bid discount, 2027 refit wave", "discount", "planned", 850000, "q+2", 9200000, None, "i3", "g7:.5 g2:.3", None),
            ("IGD summit sponsorship", "co-marketing", "spent", 38000, "m-1", 50000, 12000, None, "", "Brand visibility; no measurable pipeline yet."),
            ("Shelf-edge 'freshness promise' trial", "trade spend", "stopped", 60000, "q-1", 150000, None, "i9", "g3:1", "Stopped after the category director declined the campaign."),
        ],
        "financials": ((4850, 5020, 4710, 5380, 5560, 5490, 5920, 6150), 0.62, 0.09, 0.04),
    },
    # ------------------------------------------------------------------------------------------- hospital group
    {
        "name": "Rhein-Main Kliniken",
        "industry": "Hospitals and healthcare",
        "tier": "key",
        "currency": "EUR",
        "owner": "kam2",
        "domain": "rhein-main-kliniken.de",
        "phone": "+49 69 2400",
        "purpose": "Keep every operating theatre, pharmacy fridge and ward running on clean, affordable energy, so Rhein-Main's clinicians can focus on patients, not plant rooms.",
        "objectives": "Become the group's energy and critical-environment partner: extend the theatre HVAC service to all 14 hospitals, win the pharmacy cold-chain monitoring tender (€1.2m a year), and co-fund the state-backed energy programme. €9.5m annual revenue by 2028.",
        "notes": "14 hospitals, 6,800 beds, non-profit group owned by two counties and a foundation. Hospital reform makes 2026–27 decisive. Gap to close: nothing we do yet serves the CEO's reform agenda.",
        "people": [
            ("ceo", "Prof. Dr Ulrike Brandt", "Chief Executive (Vorstandsvorsitzende)", "board", "decision maker", 5, "supporter", None, 41, "Keep all 14 sites open through the hospital reform; be seen in Wiesbaden as the reform's model operator.", "Physician by training. Thinks in patient pathways, not kilowatt-hours."),
            ("cfo", "Thomas Reinholz", "Chief Financial Officer", "board", "economic buyer", 5, "neutral", "ceo", 75, "Close the €38m energy-cost gap the state will not reimburse; no new debt before 2028.", "Careful, slow, fair. Needs numbers his supervisory board can follow."),
            ("cmo", "Dr Aylin Demir", "Medical Director", "executive", "influencer", 4, "sceptic", "ceo", 120, "Zero cancelled operations; protect clinicians' time from 'facility projects'.", "Sees energy projects as disruption to theatres. Never met her properly."),
            ("nurse", "Claudia Fischer", "Director of Nursing", "executive", "influencer", 4, "neutral", "ceo", 90, "Fill 380 nursing vacancies; cooler wards in summer.", "Ward temperatures above 30 °C in July are her recruitment problem."),
            ("it", "Nadine Scholz", "Chief Digital Officer", "executive", "technical buyer", 3, "neutral", "ceo", 50, "Deliver the KHZG digital programme on time; no new unmanaged devices on the clinical network.", "Security reviews take eight weeks. Involve her early."),
            ("tech", "Stefan Kowalczyk", "Director of Technical Services", "executive", "technical buyer", 4, "champion", "cfo", 6, "Recognition for his team at board level; a modern plant room he can show to visitors.", "Our champion. Ambitious and loyal, but overloaded."),
            ("proc", "Birgit Hoffmann", "Head of Central Procurement", "senior", "gatekeeper", 3, "neutral", "cfo", 28, "Clean, EU-compliant tenders; no challenge from losing bidders.", "Everything above €221k goes to an EU tender. Frameworks save her months."),
            ("pharm", "Dr Jan Vogel", "Chief Pharmacist", "senior", "user", 3, "supporter", "cmo", 33, "Pass the regulator's inspection with automatic temperature records.", "Spends Saturday mornings checking fridge logs by hand."),
            ("theatre", "Dr Felix Hartmann", "Head of Anaesthesia and Theatre Management", "senior", "user", 3, "sceptic", "cmo", 45, "Full theatre lists; no surprise shutdowns.", "Eleven sessions were cancelled in 2025 because of theatre climate faults."),
            ("energy", "Markus Lehmann", "Energy Manager", "manager", "coach", 2, "champion", "tech", 4, "Hit the 2030 carbon target he wrote himself.", "Knows every meter in the group. Shares drafts before they go to the board."),
            ("works", "Rolf Becker", "Chair of the Works Council", "staff", "influencer", 3, "detractor", None, 150, "No outsourcing of in-house technicians; training for his members.", "Blocked a facility-management outsourcing in 2022. Must be consulted on any service change."),
        ],
        "influences": [
            ("theatre", "cmo", 3, "Aylin takes Felix's word on anything affecting theatre lists."),
            ("works", "ceo", 2, "The works council has a seat on the supervisory board."),
            ("energy", "tech", 3, "Markus writes most of Stefan's board papers."),
            ("proc", "cfo", 2, "Thomas will not sign anything Birgit flags as a tender risk."),
            ("nurse", "ceo", 2, "Ulrike listens to Claudia on anything that affects staff retention."),
        ],
        "coverage": [
            ("tech", "kam2", 5, "Weekly calls."),
            ("energy", "kam2", 4, None),
            ("energy", "ops", 3, None),
            ("ceo", "dir", 3, "Met at the hospital reform forum; good first meeting."),
            ("cfo", "fin", 2, None),
            ("proc", "kam2", 3, None),
            ("pharm", "svc", 3, None),
            ("theatre", "svc", 2, "Knows Lena from the service reviews; still sceptical."),
            ("it", "alliance", 2, "Greg knows her from a Sable Cloud security review."),
        ],
        "meetings": [
            {"key": "m1", "kind": "discovery", "title": "Discovery: theatre climate and energy costs", "day": -150, "at": "09:00", "minutes": 120,
             "where": "Rhein-Main Kliniken headquarters, Frankfurt", "who": "cfo tech theatre energy", "us": "kam2 ops svc",
             "purpose": "Understand the energy-cost gap and why theatre sessions are being cancelled.",
             "outcome": "The €38m energy-cost gap confirmed as the CFO's first priority. Theatre reliability is the clinicians' only interest in energy.",
             "notes": """## Context
Energy costs rose from €29m to €67m in three years; the state reimburses about half through the tariff. Thomas Reinholz calls the rest "the hole in the middle of the budget".

## What we heard
- Eleven theatre sessions were cancelled in 2025 because humidity or temperature left the DIN 1946-4 band.
- The air-handling units at Offenbach and Hanau are 24 years old; spare parts come from eBay.
- The CHP plants run on gas and will not meet the 2035 target.
- Nobody can say which hospital uses how much energy per bed day; meters are read monthly by hand.

> "Every cancelled session is twelve patients sent home with a fasting headache and a worse opinion of us." — Dr Felix Hartmann

## Our read
Money opens the door (CFO), but the clinicians decide whether we are welcome. Lead with theatre reliability, pay for it with energy savings.

## Next steps
- Sensor retrofit proposal for three hospitals' theatre air handling.
- Ask Markus for twelve months of invoices.
"""},
            {"key": "m2", "kind": "co-creation", "title": "Co-creation: funding the energy programme", "day": -96, "at": "10:00", "minutes": 180,
             "where": "Verdant office, Frankfurt", "who": "tech energy it proc", "us": "kam2 fin alliance datap",
             "purpose": "Design a programme the state and the KHZG fund will co-finance, and procurement can buy without a two-year tender.",
             "outcome": "Agreed to prepare a joint state funding application; procurement will check whether our framework with the Hessian hospital association applies.",
             "notes": """## Funding landscape
- The state's hospital investment fund opens a climate window in spring: up to 60% of eligible costs.
- KHZG money can pay for the monitoring platform if it improves patient safety (pharmacy, theatres).

## Ideas
1. Joint funding application, written by Stefan's team with our engineers' numbers.
2. Energy-as-a-service for the chillers and CHP replacement: no debt on the group's books.
3. Pharmacy fridge monitoring with automatic inspection records.
4. A board-level energy report Stefan presents each quarter.

> "If we write it together, I want my name on the cover, not yours." — Stefan Kowalczyk

## Constraints
Nadine needs every sensor to stay off the clinical network; Greg confirmed Sable Cloud's separate LTE gateway meets her security baseline. Birgit reminded us that anything above €221k goes to an EU tender unless a framework applies.
"""},
            {"key": "m3", "kind": "executive", "title": "Executive meeting with the CEO on hospital reform", "day": -41, "at": "16:00", "minutes": 60,
             "where": "Klinikum Wiesbaden-Nord, board room", "who": "ceo cfo tech", "us": "dir kam2",
             "purpose": "Understand what the hospital reform means for the group and where we can help beyond energy.",
             "outcome": "Ulrike asked us for evidence that energy savings can fund the upgrades needed to keep the smaller sites' service groups.",
             "notes": """## What the CEO said
- The reform allocates service groups by quality criteria; two smaller sites risk losing their surgical groups.
- Every euro saved on energy is a euro for the equipment those criteria demand.
- She wants to be the model operator the ministry points at.

> "I don't want to hear about kilowatt-hours. I want to hear that Hanau keeps its surgery." — Prof. Dr Ulrike Brandt

## Our commitments
- A one-page view of savings per site, translated into equipment euros.
- Helen offered an introduction to another hospital group that used energy-as-a-service.
"""},
            {"key": "m4", "kind": "business review", "title": "Half-year service review: theatre HVAC contract", "day": -14, "at": "13:00", "minutes": 90,
             "where": "Klinikum Offenbach", "who": "tech theatre proc energy works", "us": "kam2 svc ops",
             "purpose": "Review service levels, alarms and the plan for the winter.",
             "outcome": "No climate-related cancellations since the retrofit. Works council worried about outsourcing; agreed to co-design a training academy instead.",
             "notes": """## Service levels
- Response within 2 hours: 97% (target 95%).
- Zero theatre cancellations caused by climate faults since the sensor retrofit in three hospitals.
- Two false alarms a week at Hanau: sensor placement to fix.

## Works council
Rolf Becker attended for the first time and opened with a warning: any move to outsource technicians would be opposed. We were clear that nobody proposes that. He relaxed when Marek suggested a joint training academy for the in-house technicians.

> "Train my people and we will talk. Replace them and we won't." — Rolf Becker

## Next steps
- Lena fixes the Hanau sensor placement.
- Priya drafts a technician academy outline with Stefan and Rolf.
"""},
            {"key": "m5", "kind": "discovery", "title": "Pharmacy and blood-bank cold-chain walk-through", "day": 9, "at": "08:30", "minutes": 120,
             "where": "Klinikum Offenbach, central pharmacy", "who": "pharm tech", "us": "kam2 sc svc",
             "purpose": "See the pharmacy and blood-bank cold chain first hand before the monitoring tender.",
             "outcome": None,
             "notes": """## Questions to answer
- How many fridges and freezers, and how old?
- Which records does the inspector ask for, and how are they kept today?
- What happens at 2 a.m. when a fridge alarms?

## Bring
- A ColdSense probe and the inspection report template.
- Lead times for 180 sensors (Aisha).
"""},
        ],
        "goals": [
            ("g1", "financial", "Close the €38m energy-cost gap", 5, "confirmed", "short", "Energy cost per bed day", "€41 → €33 by 2027", "cfo@m1", "cfo", "The share of energy costs the state tariff does not reimburse."),
            ("g2", "strategic", "Keep all 14 sites viable under the hospital reform", 5, "confirmed", "medium", "Service groups awarded per site", "All planned groups awarded in the 2027 allocation", "ceo@m3", "ceo", "Two smaller sites risk losing surgical service groups."),
            ("g3", "political", "Secure state and KHZG co-funding for the energy programme", 4, "confirmed", "short", "Funding approved", "€12m approved by Q3 2027", "tech@m2", "cfo", "Up to 60% of eligible costs from the state climate window."),
            ("g4", "competitive", "Win back elective orthopaedics from the private clinic in Bad Homburg", 4, "unconfirmed", "medium", "Elective orthopaedic cases per year", "+900 cases by 2028", None, "cmo", "Reliable theatres and shorter waiting lists are the argument patients hear."),
            ("g5", "competitive", "Become the region's employer of choice for nurses", 3, "unconfirmed", "medium", "Nursing vacancy rate", "9% → 5%", None, "nurse", "Cooler wards and modern workplaces are part of the recruiting pitch."),
            ("g6", "political", "Keep the works council on side for any service change", 3, "confirmed", "short", "Works agreement signed", "Agreement before any contract change", "works@m4", "ceo", "The works council sits on the supervisory board."),
            ("g7", "strategic", "Climate-neutral hospitals by 2035", 3, "unconfirmed", "long", "Scope 1 and 2 emissions (tCO2e)", "-65% by 2030", None, "tech", "Written by Markus Lehmann; not yet adopted by the board."),
            ("g8", "interpersonal", "Give technical services a voice at board level", 2, "confirmed", "medium", "Quarterly board slot for technical services", "From Q1 2027", "tech@m2", "tech", "Stefan wants his team seen as a strategic function, not a cost centre."),
            ("g9", "strategic", "Pass the 2026 theatre ventilation audit without findings", 3, "achieved", "short", "Audit findings (DIN 1946-4)", "Zero findings", "theatre@m1", "theatre", "Achieved in October after the sensor retrofit."),
        ],
        "insights": [
            ("m1", "quote", "g9", "theatre", "\"Every cancelled session is twelve patients sent home with a fasting headache and a worse opinion of us.\""),
            ("m1", "pressure", "g1", "cfo", "Energy costs rose from €29m to €67m in three years; half is not reimbursed."),
            ("m2", "need", "g3", "tech", "Stefan needs engineering numbers good enough for the state's funding assessors."),
            ("m2", "observation", None, "it", "Any device on the clinical network triggers an eight-week security review."),
            ("m3", "pressure", "g2", "ceo", "Two smaller sites could lose their surgical service groups in the 2027 allocation."),
            ("m4", "quote", "g6", "works", "\"Train my people and we will talk. Replace them and we won't.\""),
        ],
        "actions": [
            ("m1", "energy", -130, True, "Send twelve months of energy invoices for all 14 hospitals"),
            ("m2", "fin", -70, True, "Model energy-as-a-service for the chiller and CHP replacement"),
            ("m3", "kam2", -20, False, "One-page view of savings per site in equipment euros for Ulrike Brandt"),
            ("m2", "proc", -8, False, "Confirm whether the Hessian hospital association framework covers the programme"),
            ("m4", "svc", 5, False, "Fix sensor placement in the Hanau theatres"),
            ("m4", "kam2", 12, False, "Draft the technician academy outline with Stefan and Rolf"),
            ("m5", "sc", 7, False, "Confirm lead times for 180 pharmacy sensors"),
        ],
        "touchpoints": [
            ("ceo", "dir", -41, "email", "replied", "Sent the case study of a Dutch hospital group that funded upgrades from energy savings."),
            ("cmo", "kam2", -120, "email", "none", "Shared the theatre reliability results from Offenbach; no reply."),
            ("nurse", "mkt", -90, "linkedin", "opened", "Shared our article on heat stress in hospital wards."),
            ("tech", "kam2", -6, "phone", "positive", "Walked Stefan through the draft funding application."),
        ],
        "ideas": [
            ("i1", "adopted", "meeting:m1", "5 4 2 5", 420000, "g9:3 g4:2", "care sable", "theatre svc", "theatres reliability", "Predictive maintenance for theatre air handling", "Sensors on the air-handling units predict humidity drift before a session is at risk.", None),
            ("i2", "proposed", "internal", "4 5 4 3", 6800000, "g1:3 g3:2", "eaas audit", "cfo fin", "finance eaas chillers", "Energy-as-a-service for chillers and CHP replacement", "We fund and run the new plant; the group pays from savings, with no debt on its books.", None),
            ("i3", "co-creating", "meeting:m2", "5 3 3 4", None, "g3:3 g1:1", "audit benchmark", "tech energy kam2", "funding state", "Joint state and KHZG funding application", "Stefan's team writes it, our engineers provide the numbers.", None),
            ("i4", "piloting", "meeting:m2", "4 4 2 4", 310000, "g1:1 g9:1", "coldsense care", "pharm svc", "pharmacy compliance", "Pharmacy fridge monitoring with automatic inspection records", "Every fridge logged every minute; the inspection report prints itself.", None),
            ("i5", "shaping", "internal", "3 4 3 3", 1900000, "g1:2 g7:2", "helio flex", "energy sc", "batteries resilience", "Batteries for backup power and peak shaving", "Replace part of the diesel backup with batteries that earn flexibility revenue.", None),
            ("i6", "captured", "internal", "3 3 2 3", 90000, "g7:2", "carbon", "energy datap", "carbon reporting", "Carbon dashboard for the annual quality report", None, None),
            ("i7", "declined", "internal", "2 5 4 2", 5200000, "g1:1", "care audit", "cfo", "outsourcing", "Take over technical services under a full-service contract", "Verdant runs all technical services with TUPE-style transfer of staff.", "Declined: the works council opposed it and the board will not open a dispute during the reform."),
            ("i8", "captured", "customer", "4 3 3 2", 650000, "g5:2", "heat audit", "nurse", "wards comfort", "Cooling retrofits on the hottest wards", "Claudia's list of 22 wards above 30 °C last July.", None),
            ("i9", "parked", "internal", "3 3 4 2", 700000, "g7:2", "heat", "energy", "heat", "Heat reuse from MRI and server rooms", None, "Parked until the data-centre relocation is decided in 2027."),
            ("i10", "shaping", "meeting:m4", "4 3 2 4", 80000, "g6:3 g8:2", "audit", "works tech ops", "people training", "Technician academy with the works council", "Train in-house technicians on the new plant; certified by the chamber of industry.", None),
            ("i11", "co-creating", "internal", "3 3 1 4", None, "g8:3 g3:1", "benchmark", "tech kam2", "governance board", "Quarterly energy report Stefan presents to the board", None, None),
            ("i12", "captured", "partner", "3 3 4 2", 1200000, "", "helio", "alliance", "solar", "Solar carports at the four largest sites", None, None),
        ],
        "investments": [
            ("Theatre sensor retrofit, three hospitals", "pilot", "spent", 140000, "q-4", 300000, 420000, "i1", "g9:.8 g4:.2", None),
            ("Funding application support (external adviser)", "service", "committed", 60000, "q+0", 1200000, None, "i3", "g3:1", "Success fee included; return is our share of the funded programme."),
            ("Pharmacy monitoring pilot, two hospitals", "pilot", "committed", 48000, "m+1", 160000, None, "i4", "g1:.5", None),
            ("Energy-as-a-service bid: reduced financing rate", "discount", "planned", 380000, "q+2", 2400000, None, "i2", "g1:.6 g3:.2", None),
            ("Healthcare estates conference stand", "co-marketing", "spent", 25000, "m-5", 40000, 8000, None, "", None),
            ("Resident service engineer, Wiesbaden", "people", "spent", 110000, "q-2", 150000, 165000, None, "g9:.5 g1:.3", None),
            ("Outsourcing due diligence", "service", "stopped", 30000, "q-3", 200000, None, "i7", "g1:1", "Stopped when the board declined the outsourcing idea."),
        ],
        "financials": ((1710, 1820, 1760, 1950, 2010, 1880, 2140, 2260), 0.55, 0.12, 0.05),
    },
    # --------------------------------------------------------------------------------------- automotive supplier
    {
        "name": "Castellan Components",
        "industry": "Automotive supplier",
        "tier": "key",
        "currency": "EUR",
        "owner": "kam3",
        "domain": "castellan-components.com",
        "phone": "+49 711 9380",
        "purpose": "Help Castellan win the next generation of EV platforms by making its parts the lowest-carbon and lowest-energy in their class, and by turning its plants' energy from a cost into a bargaining chip.",
        "objectives": "Move from one compressed-air contract at Plzeň to a group energy partnership across nine plants; deliver product carbon footprints for Castellan's OEM quotes; €11m annual revenue by 2028 with a signed multi-plant power purchase agreement.",
        "notes": "Tier-1 supplier of brake systems and e-axle housings; nine plants in Germany, Czechia, Spain and Mexico; €2.1bn revenue. Volumes wobble with EV demand.",
        "people": [
            ("ceo", "Dr Matthias Kern", "Chief Executive Officer", "board", "decision maker", 5, "neutral", None, 100, "Steer Castellan through the combustion-to-EV transition without a capital raise.", "Engineer, ex-Bosch. Has not met us since the 2024 plant opening."),
            ("cfo", "Elena Marković", "Chief Financial Officer", "board", "economic buyer", 5, "sceptic", "ceo", 38, "Free cash flow positive by 2027; no covenant breach.", "Sceptical of anything with 'platform' in the name. Loves a hedged price."),
            ("coo", "Joaquín Ortega", "Chief Operating Officer", "executive", "decision maker", 4, "supporter", "ceo", 18, "Energy cost per part down 20% without disrupting production.", "Sponsor of the Plzeň contract. Wants results before he takes it group-wide."),
            ("cpo", "Petra Lindqvist", "Chief Purchasing Officer", "executive", "gatekeeper", 4, "detractor", "ceo", 65, "Lower prices from every supplier, every year; no single-source dependencies.", "Tried to replace us with a cheaper compressed-air vendor in 2025 and lost to the plants."),
            ("sales", "Catherine Dubois", "SVP Sales and Key Accounts", "executive", "influencer", 4, "supporter", "ceo", 55, "Win two EV platforms; OEMs now score carbon like price.", "Knows exactly what the OEM buyers ask for. Our route to the CEO."),
            ("eng", "Dr Sabine Roth", "VP Engineering, e-Axle", "executive", "influencer", 3, "neutral", "ceo", 140, "Lighter housings, fewer machining steps.", "Owns the product carbon footprint method; never engaged."),
            ("sust", "Lukas Brenner", "Head of Sustainability and ESG", "senior", "influencer", 3, "champion", "cfo", 7, "Deliver the first CSRD report without qualifications; carbon data the OEMs accept.", "Our most active contact. Needs allies above him."),
            ("cc", "Inês Carvalho", "Group Controller", "manager", "coach", 2, "supporter", "cfo", 22, "Energy costs she can forecast.", "Explains how Elena reads a business case."),
            ("plant", "Tomasz Wójcik", "Plant Manager, Plzeň", "senior", "user", 3, "champion", "coo", 10, "Best plant in the group on OEE and energy.", "Shows visitors our compressed-air dashboard."),
            ("plant2", "Ana Belén Ruiz", "Plant Manager, Zaragoza", "senior", "user", 3, "neutral", "coo", 80, "Keep Zaragoza competitive against Moroccan low-cost plants.", "Interested after the plant tour, but busy with a new line."),
            ("energy", "Henrik Sauer", "Group Energy Manager", "manager", "technical buyer", 3, "champion", "coo", 2, "Build the group energy function he runs.", "Writes the specifications. Reliable and direct."),
            ("it", "Florian Maier", "Head of Digital Manufacturing", "senior", "technical buyer", 2, "sceptic", "coo", 30, "One data platform for all plants: his.", "Worried that our sensors create another data silo."),
        ],
        "influences": [
            ("sales", "ceo", 3, "Matthias asks Catherine first about anything customers care about."),
            ("cc", "cfo", 2, "Elena trusts Inês's numbers."),
            ("cpo", "cfo", 2, "Petra's savings targets feed Elena's cash plan."),
            ("plant", "coo", 2, "Joaquín uses Plzeň as the model for the other plants."),
            ("it", "energy", 1, "Florian can veto any new data connection in the plants."),
        ],
        "coverage": [
            ("energy", "kam3", 5, None),
            ("plant", "ops", 4, None),
            ("coo", "kam3", 4, None),
            ("sust", "datap", 3, "Ravi supplies the emission factors for Lukas's reporting."),
            ("sust", "kam3", 3, None),
            ("cfo", "fin", 2, None),
            ("sales", "dir", 2, "Met at an industry dinner."),
            ("it", "alliance", 3, "Greg and Florian discussed the Sable Cloud data connector."),
            ("cc", "fin", 3, None),
            ("plant2", "sc", 2, None),
        ],
        "meetings": [
            {"key": "m1", "kind": "discovery", "title": "Discovery: energy and carbon across nine plants", "day": -170, "at": "09:00", "minutes": 150,
             "where": "Castellan headquarters, Stuttgart", "who": "coo sust energy cfo", "us": "kam3 ops datap",
             "purpose": "Understand the group's energy costs, carbon obligations and how decisions are taken across plants.",
             "outcome": "Energy cost per part and OEM carbon requirements confirmed as the two levers. Elena hedged 70% of 2026 power; wants the same for 2027.",
             "notes": """## The numbers
- Energy is 7.4% of cost of goods, up from 3.1% in 2021.
- Compressed air alone is 18% of electricity at the machining plants.
- Two OEMs now weight the product carbon footprint at 15% of the sourcing decision.

## What we heard
- Joaquín wants one energy standard for all nine plants; today every plant buys its own.
- Lukas must report scope 3 data to three OEMs through Catena-X by mid-2027.
- Elena: "I buy certainty, not savings."

> "An OEM buyer told me our price was fine and our carbon was not. We lost a €90m programme over a spreadsheet." — Lukas Brenner

## Next steps
- Ravi to map Castellan's plants against Meridian emission factors.
- Jonas to propose a group energy standard based on Plzeň.
"""},
            {"key": "m2", "kind": "co-creation", "title": "Co-creation: low-carbon quotes for the OEM bid", "day": -110, "at": "10:00", "minutes": 240,
             "where": "Castellan plant, Plzeň", "who": "sales sust plant eng energy", "us": "kam3 mkt datap alliance",
             "purpose": "Find ways to cut the carbon footprint of the e-axle housing in time for the next OEM quote.",
             "outcome": "Three ideas to take forward: a plant-level PPA, product carbon footprints through Catena-X, and heat recovery from the die-casting furnaces.",
             "notes": """## The brief
Catherine needs a quote in March for an OEM's next EV platform; the buyer's carbon threshold is **5.1 kg CO2e per housing** and Castellan is at 6.4.

## Where the carbon is
1. Aluminium (62%): green aluminium is a purchasing question, not ours.
2. Electricity at die-casting and machining (27%): our territory.
3. Logistics (11%).

## Ideas
- A multi-plant power purchase agreement with a Spanish solar park, certified per plant.
- Product carbon footprints calculated from metered energy, not averages, and shared through Catena-X.
- Recover furnace heat to pre-heat aluminium ingots.

> "Give me a number the buyer can audit and I can sell it." — Catherine Dubois

Sabine joined for an hour and questioned whether metered data changes the footprint enough to matter. Lukas's estimate: from 6.4 to 5.3 with the PPA alone.
"""},
            {"key": "m3", "kind": "business review", "title": "Annual business review: compressed-air contract", "day": -60, "at": "13:30", "minutes": 90,
             "where": "Castellan headquarters, Stuttgart", "who": "cfo cpo coo energy cc", "us": "kam3 fin svc dir",
             "purpose": "Review the first year of the Plzeň compressed-air contract and discuss extension to other plants.",
             "outcome": "Savings of 23% confirmed by the controller. Purchasing insists on a competitive tender for any extension; CFO open to a performance-based contract.",
             "notes": """## Results, Plzeň
- Compressed-air energy down 23% (target 15%).
- Two unplanned stops avoided through leak detection.
- Contract paid for itself in nine months.

## Discussion
Petra argued that the savings prove the market works and that the extension should be tendered. Joaquín disagreed: the plants do not want to switch suppliers mid-ramp-up. Elena's question was about cash, not technology:

> "If you are so sure of the savings, take the risk. Get paid from them." — Elena Marković

## Where we landed
- Daniel to model a performance-based contract for three more plants.
- Petra will define tender criteria; we asked that proven savings count.
"""},
            {"key": "m4", "kind": "social", "title": "Plant tour and dinner in Zaragoza", "day": -27, "at": "15:00", "minutes": 300,
             "where": "Castellan plant, Zaragoza", "who": "plant2 energy coo", "us": "kam3 sc",
             "purpose": "Meet Ana Belén Ruiz and see the Zaragoza plant before proposing the extension.",
             "outcome": "Ana Belén interested in compressed air and solar on the plant roof; worried about disruption during the new line's ramp-up.",
             "notes": """## The tour
Zaragoza runs three shifts on brake calipers and will add an e-axle housing line in spring.
- Compressors are 15 years old; we heard at least four leaks on the walk.
- The roof over the new hall (about 9,000 m²) is unused and south-facing.
- Energy is metered for the whole site only; nobody knows the cost per caliper line.

## Dinner
Ana Belén is under pressure: the group compares her costs with a Moroccan competitor's plant in Tangier.

> "I will take anything that lowers my cost per part, as long as it doesn't stop my lines." — Ana Belén Ruiz

## Next
Aisha checks compressor lead times so that installation can happen during the August shutdown.
"""},
            {"key": "m5", "kind": "executive", "title": "CEO meeting: group energy partnership", "day": 12, "at": "10:00", "minutes": 60,
             "where": "Castellan headquarters, Stuttgart", "who": "ceo cfo coo", "us": "dir kam3 fin",
             "purpose": "Propose a group energy partnership: compressed air, PPA and carbon data, paid from savings.",
             "outcome": None,
             "notes": """## Agenda
1. Plzeň results (Joaquín)
2. What the OEMs ask for on carbon (Catherine's numbers)
3. The partnership: three plants first, performance-based
4. Next steps and governance

## Our asks
- Matthias sponsors a group energy partnership.
- Permission to work with purchasing on criteria that count proven savings.

## Watch-outs
- Petra is not invited; expect her to hear about it the same day. Jonas to brief her beforehand.
"""},
        ],
        "goals": [
            ("g1", "competitive", "Win two EV platform nominations with lowest-carbon quotes", 5, "confirmed", "medium", "Nominations won with a footprint below the OEM threshold", "Two platforms (€600m lifetime) by 2027", "sales@m2", "sales", "OEMs weight carbon at 15% of the sourcing decision."),
            ("g2", "financial", "Free cash flow positive by FY2027", 5, "confirmed", "short", "Free cash flow", "≥ €40m in FY2027", "cfo@m3", "cfo", "Covenants tighten in 2027; no capital raise planned."),
            ("g3", "strategic", "Cut energy cost per part 20% across nine plants", 4, "confirmed", "medium", "kWh per e-axle housing", "-20% against 2025 by 2028", "coo@m1", "coo", "One group energy standard, modelled on Plzeň."),
            ("g4", "political", "Meet OEM and CSRD carbon disclosure requirements", 4, "confirmed", "short", "Product carbon footprints available through Catena-X", "Top 40 part numbers by mid-2027", "sust@m1", "sust", "Three OEMs require scope 3 data exchange by mid-2027."),
            ("g5", "strategic", "Shift revenue from combustion-engine brakes to EV parts", 3, "unconfirmed", "long", "Share of revenue from EV parts", "35% → 60% by 2030", None, "ceo", None),
            ("g6", "interpersonal", "Rebuild trust between purchasing and the plants", 3, "confirmed", "short", "Supplier decisions the plants support", "No supplier switch mid-ramp-up in 2027", "plant@m2", "coo", "Since the 2025 supplier switch failed, plants and purchasing rarely agree."),
            ("g7", "competitive", "Keep Zaragoza competitive against low-cost plants", 3, "unconfirmed", "medium", "Cost per caliper against the Tangier benchmark", "Within 5% by 2028", None, "plant2", None),
            ("g8", "financial", "Hedge 70% of 2026 power volume", 4, "achieved", "short", "Share of power volume hedged", "70%", "cfo@m1", "cfo", "Done in Q1; the 2027 hedge is being priced."),
            ("g9", "political", "Secure the Czech energy-intensive industry subsidy", 2, "dropped", "short", "Subsidy awarded", "€3m", None, "cfo", "Dropped: the programme closed before Castellan qualified."),
        ],
        "insights": [
            ("m1", "quote", "g1", "sust", "\"An OEM buyer told me our price was fine and our carbon was not. We lost a €90m programme over a spreadsheet.\""),
            ("m1", "pressure", "g3", "coo", "Energy rose from 3.1% to 7.4% of cost of goods in five years."),
            ("m2", "need", "g1", "sales", "The next OEM quote needs 5.1 kg CO2e per housing; Castellan is at 6.4."),
            ("m3", "quote", "g2", "cfo", "\"If you are so sure of the savings, take the risk. Get paid from them.\""),
            ("m3", "observation", "g6", "cpo", "Purchasing wants every extension tendered; the plants want continuity."),
            ("m4", "pressure", "g7", "plant2", "Zaragoza's costs are compared with a Moroccan competitor's plant every month."),
        ],
        "actions": [
            ("m1", "datap", -150, True, "Map all nine plants against Meridian emission factors"),
            ("m2", "sust", -80, True, "Share the e-axle housing footprint model"),
            ("m3", "fin", -25, False, "Model a performance-based contract for three more plants"),
            ("m3", "cpo", -10, False, "Send the draft tender criteria for compressed-air extensions"),
            ("m4", "sc", 6, False, "Confirm compressor lead times for the August shutdown in Zaragoza"),
            ("m5", "kam3", 10, False, "Brief Petra Lindqvist before the CEO meeting"),
        ],
        "touchpoints": [
            ("ceo", "dir", -100, "event", "none", "Said hello at the VDA conference; promised a follow-up that did not happen."),
            ("sales", "mkt", -55, "email", "replied", "Sent our note on how OEMs score carbon in sourcing decisions."),
            ("cpo", "kam3", -65, "email", "negative", "Offered a joint review of the Plzeň savings; Petra declined."),
            ("eng", "datap", -140, "linkedin", "opened", "Shared the Catena-X footprint exchange guide."),
            ("energy", "kam3", -2, "message", "replied", "Sent the compressor benchmark for Zaragoza."),
        ],
        "ideas": [
            ("i1", "adopted", "internal", "4 4 2 5", 850000, "g3:3 g2:2", "audit care", "energy plant ops", "compressed-air plzen", "Compressed-air optimisation at Plzeň", "Leak detection, controls and heat recovery; 23% less energy.", None),
            ("i2", "proposed", "meeting:m3", "4 5 3 3", 2600000, "g3:3 g2:3 g6:1", "eaas audit", "coo fin kam3", "eaas compressed-air", "Performance-based extension to three plants", "Paid from measured savings; no capex for Castellan.", None),
            ("i3", "co-creating", "meeting:m2", "5 4 4 3", 4800000, "g1:3 g4:2", "gridflex eaas", "sales sust dir", "ppa solar carbon", "Multi-plant power purchase agreement with a Spanish solar park", "Certified renewable power per plant, priced for ten years.", None),
            ("i4", "piloting", "meeting:m2", "5 3 2 4", 420000, "g4:3 g1:2", "carbon sitedata", "sust datap", "carbon catena-x", "Product carbon footprints from metered energy via Catena-X", "Footprints from real meter data for the top 40 part numbers.", None),
            ("i5", "shaping", "meeting:m2", "3 3 4 2", 1300000, "g3:2 g1:1", "heat", "plant eng", "heat die-casting", "Furnace heat recovery to pre-heat aluminium", None, None),
            ("i6", "captured", "meeting:m4", "4 3 3 3", 900000, "g7:3", "helio", "plant2", "solar zaragoza", "Rooftop solar and battery at Zaragoza", None, None),
            ("i7", "captured", "internal", "3 3 2 3", 150000, "g6:2", "benchmark", "cpo", "purchasing", "Joint savings-verification method with purchasing", "An agreed way to measure savings so tenders can credit them.", None),
            ("i8", "declined", "internal", "2 4 5 1", 7800000, "g3:1", "helio", "coo", "gas", "Gas-engine CHP at Plzeň", "On-site power and heat from gas.", "Declined: conflicts with the 2030 carbon target and the OEMs' requirements."),
            ("i9", "parked", "partner", "3 4 3 2", 600000, "g2:1", "flex gridflex", "energy alliance", "flexibility", "Sell furnace flexibility into the German balancing market", None, "Parked until production is stable after the e-axle ramp-up."),
            ("i10", "shaping", "internal", "2 3 2 3", None, "", "sable", "it alliance", "data platform", "Connect our sensors to Florian's manufacturing data platform", None, None),
            ("i11", "co-creating", "internal", "3 3 2 3", 200000, "g3:2 g6:1", "audit", "plant plant2 energy", "standard plants", "Group energy standard based on Plzeň", None, None),
        ],
        "investments": [
            ("Plzeň compressed-air retrofit (our share)", "capex", "spent", 260000, "q-6", 500000, 610000, "i1", "g3:.8", None),
            ("Product carbon footprint pilot, 10 part numbers", "pilot", "spent", 70000, "q-2", 400000, 90000, "i4", "g4:.6 g1:.4", "Return so far is one OEM quote supported; the platform decision comes in Q2."),
            ("Footprints for the top 40 part numbers", "service", "committed", 95000, "q+1", 420000, None, "i4", "g4:.7 g1:.3", None),
            ("Performance contract risk reserve", "discount", "planned", 300000, "q+1", 2600000, None, "i2", "g2:.5 g3:.5", None),
            ("Automotive energy breakfast, Stuttgart", "co-marketing", "spent", 18000, "m-4", 30000, 0, None, "", None),
            ("Engineer seconded to Zaragoza for the August shutdown", "people", "planned", 40000, "m+8", 120000, None, "i6", "g7:.5", None),
            ("CHP feasibility study", "service", "stopped", 22000, "q-4", 80000, None, "i8", "", "Stopped when the idea was declined."),
        ],
        "financials": ((2620, 2480, 2710, 2390, 2250, 2530, 2680, 2460), 0.58, 0.10, 0.04),
    },
    # ------------------------------------------------------------------------------------------- regional bank
    {
        "name": "Banca Adriatica",
        "industry": "Regional banking",
        "tier": "growth",
        "currency": "EUR",
        "owner": "kam1",
        "domain": "bancaadriatica.it",
        "phone": "+39 071 5520",
        "purpose": "Help Banca Adriatica become the bank that greens the Adriatic economy: its SME customers get the money and the expertise for energy upgrades, the bank grows a quality green loan book, and its own branches show the way.",
        "objectives": "Win the branch energy-management contract (210 branches), launch the co-branded 'Energia Impresa' SME programme with 400 audits in year one, and supply energy-performance data for green-asset-ratio reporting. €3.2m annual revenue by 2028, plus referral fees.",
        "notes": "Cooperative bank with 210 branches in Marche, Abruzzo and Emilia-Romagna; 38,000 SME customers. New Direttore Generale since January.",
        "people": [
            ("ceo", "Giorgio Santangelo", "Direttore Generale (CEO)", "board", "decision maker", 5, "supporter", None, 85, "Show the new strategic plan delivering in year one.", "Came from a national bank; wants Banca Adriatica to be 'the bank of the territory'."),
            ("cfo", "Francesca Ricci", "Chief Financial Officer", "executive", "economic buyer", 4, "neutral", "ceo", 44, "Cost/income ratio down four points.", "Precise. Will read the appendix first."),
            ("cro", "Paolo Esposito", "Chief Risk Officer", "executive", "influencer", 4, "sceptic", "ceo", 130, "No findings from the ECB on climate risk.", "Thinks energy data is 'marketing dressed as risk data'. Not met since spring."),
            ("sme", "Marta Colombo", "Head of SME and Corporate Banking", "executive", "decision maker", 4, "champion", "ceo", 8, "A green SME loan book she can present to the board as her creation.", "Our sponsor. Fast, commercial, impatient with committees."),
            ("brand", "Chiara De Luca", "Head of Marketing and Brand", "senior", "influencer", 2, "supporter", "ceo", 50, "A campaign that wins a regional award.", None),
            ("esg", "Dr Luca Ferraro", "Head of ESG and Sustainability", "senior", "influencer", 3, "champion", "cfo", 12, "A credible green asset ratio and an ESG rating upgrade.", "Academic background. Cares about data quality."),
            ("prop", "Alessandro Greco", "Head of Real Estate and Facilities", "senior", "technical buyer", 3, "neutral", "cfo", 35, "Fewer branch complaints about heating and cooling.", "Ran the 20-branch pilot with us."),
            ("proc", "Silvia Marino", "Procurement Manager", "manager", "gatekeeper", 2, "neutral", "cfo", 60, "Three quotes for everything.", None),
            ("branch", "Roberto Conti", "Regional Director, Marche branch network", "senior", "user", 3, "neutral", "sme", 70, "Targets his branches can hit without extra work.", "His relationship managers would sell the SME programme."),
            ("data", "Elisa Gallo", "Head of Data Office", "manager", "technical buyer", 2, "sceptic", "cro", 25, "One data model for ESG; no spreadsheets from suppliers.", "Worried about data lineage for the regulator."),
        ],
        "influences": [
            ("cro", "ceo", 3, "Giorgio will not launch a lending product Paolo opposes."),
            ("esg", "cro", 2, "Luca and Paolo co-own the climate-risk plan for the ECB."),
            ("sme", "branch", 2, "Marta sets Roberto's targets."),
            ("data", "cro", 2, "Paolo relies on Elisa's view of any new data source."),
        ],
        "coverage": [
            ("sme", "kam1", 5, None),
            ("esg", "datap", 3, None),
            ("esg", "kam1", 3, None),
            ("prop", "ops", 4, None),
            ("ceo", "dir", 2, "One dinner."),
            ("cfo", "fin", 2, None),
            ("brand", "agency", 3, "Inês and Chiara worked together on the Energia Impresa concept."),
            ("brand", "mkt", 3, None),
            ("proc", "kam1", 2, None),
        ],
        "meetings": [
            {"key": "m1", "kind": "discovery", "title": "Discovery: SME lending and the energy transition", "day": -140, "at": "10:30", "minutes": 120,
             "where": "Banca Adriatica headquarters, Ancona", "who": "sme esg brand", "us": "kam1 mkt",
             "purpose": "Understand the bank's green lending ambitions and why SMEs are not borrowing for energy upgrades.",
             "outcome": "SMEs do not know what to upgrade or what it saves; the bank cannot assess the projects. Both sides see a programme worth designing together.",
             "notes": """## What we heard
- The green SME book is €0.6bn; the strategic plan says €1.5bn by 2028.
- Relationship managers cannot judge whether a heat pump or a compressor upgrade pays back, so they don't push.
- SMEs in the Marche furniture and footwear districts pay 30–40% more for energy than before 2022.

> "Our customers don't need another loan offer. They need someone to tell them what to fix first." — Marta Colombo

## Our read
Our audit team plus their balance sheet is a product neither of us can offer alone. Luca needs the energy data for the green asset ratio: a second reason for the bank to care.

## Next steps
- Co-creation workshop with the branch network and the data office.
"""},
            {"key": "m2", "kind": "co-creation", "title": "Co-creation: Energia Impresa programme design", "day": -85, "at": "09:30", "minutes": 210,
             "where": "Banca Adriatica training centre, Jesi", "who": "sme esg data branch", "us": "kam1 mkt agency datap fin",
             "purpose": "Design the SME programme end to end: audit, offer, loan, verification.",
             "outcome": "Programme blueprint agreed: a free energy check for customers, our audit, a pre-approved green loan, and verified savings reported back to the bank.",
             "notes": """## Customer journey
1. Relationship manager offers a free energy check (30 minutes, online).
2. Verdant audits the site within two weeks.
3. The bank pre-approves a green loan sized to the audit.
4. Savings are metered and reported: the bank gets data, the SME gets proof.

## Objections
- Elisa: our data must arrive in the bank's ESG data model with lineage, or it is useless to the regulator.
- Roberto: his managers need a one-page script and a target that counts.

> "If the data can't survive an ECB inspection, I don't want it in my systems." — Elisa Gallo

## Decisions
- Pilot with 40 SMEs in the Fermo footwear district.
- Inês to draft the campaign concept with Chiara.
"""},
            {"key": "m3", "kind": "business review", "title": "Branch energy pilot review (20 branches)", "day": -45, "at": "15:00", "minutes": 75,
             "where": "Microsoft Teams", "who": "cfo prop proc", "us": "kam1 ops fin",
             "purpose": "Review the 20-branch energy-management pilot and the case for all 210 branches.",
             "outcome": "Energy down 19% in pilot branches. Francesca wants the roll-out in the 2027 budget; procurement requires three quotes.",
             "notes": """## Results
- Energy down 19% on average; best branch (Senigallia) down 31%.
- Comfort complaints halved.
- Payback 2.6 years at current prices.

## Discussion
Francesca asked whether we could fund the roll-out and be paid from savings; she would rather not add capex in the year of the new plan. Silvia reminded everyone that the roll-out needs three quotes.

> "Nineteen percent is good. Nineteen percent that I don't have to fund is better." — Francesca Ricci
"""},
            {"key": "m4", "kind": "social", "title": "Dinner after the Ancona Energy Forum", "day": -20, "at": "20:00", "minutes": 150,
             "where": "Ancona Energy Forum, Mole Vanvitelliana", "who": "ceo sme", "us": "dir kam1",
             "purpose": "Build the relationship with the new Direttore Generale.",
             "outcome": "Giorgio wants Banca Adriatica to be the reference bank for the region's energy transition and asked to see the programme before the board.",
             "notes": """## Conversation
Giorgio spoke about his first year: the board expects visible change, and the region's SMEs are hurting from energy prices.
- He likes that the programme is "of the territory".
- He asked who else in Italy does this: nobody at regional level yet.

> "I want the bank's name on the energy transition of this region, not a national bank's." — Giorgio Santangelo
"""},
            {"key": "m5", "kind": "co-creation", "title": "Risk model workshop: energy data in credit scoring", "day": 8, "at": "10:00", "minutes": 180,
             "where": "Banca Adriatica headquarters, Ancona", "who": "cro data esg", "us": "kam1 datap fin",
             "purpose": "Show the risk office how verified energy data can improve credit assessment and climate-risk reporting.",
             "outcome": None,
             "notes": """## Goal of the session
Turn Paolo Esposito from sceptic to neutral: show data lineage, methodology and what the ECB has said about energy-performance data.

## Prepare
- Ravi: lineage diagram from meter to ESG data model.
- Daniel: back-test of default rates versus energy intensity (anonymised).
"""},
        ],
        "goals": [
            ("g1", "strategic", "Grow the green SME loan book to €1.5bn", 5, "confirmed", "medium", "Green SME loans outstanding", "€0.6bn → €1.5bn by 2028", "sme@m1", "sme", "The headline number of the new strategic plan."),
            ("g2", "political", "Meet ECB climate-risk expectations", 5, "confirmed", "short", "Supervisory findings on climate risk", "No material findings in the 2027 review", "esg@m2", "cro", "The ECB flagged data gaps on borrowers' energy performance."),
            ("g3", "financial", "Cut branch operating costs by 12%", 4, "confirmed", "short", "Cost/income ratio", "58% → 54% by 2027", "cfo@m3", "cfo", None),
            ("g4", "competitive", "Defend SME share against the national banks' green offers", 4, "unconfirmed", "medium", "SME market share, Marche and Abruzzo", "Hold 14%", None, "sme", None),
            ("g5", "interpersonal", "Show the new Direttore Generale's plan delivering in year one", 3, "unconfirmed", "short", "Plan milestones reported green to the board", "Four of five milestones by December", None, "ceo", None),
            ("g6", "strategic", "Be the reference bank for the region's energy transition", 3, "confirmed", "long", "Share of regional green SME lending", "25% by 2030", "ceo@m4", "ceo", None),
            ("g7", "financial", "Renegotiate 2026 branch power contracts", 3, "achieved", "short", "Branch power cost", "-10% against 2025", "prop@m3", "prop", "Achieved in January through a regional buying group."),
            ("g8", "political", "Obtain regional guarantees for green SME loans", 2, "dropped", "short", "Guarantee fund allocation", "€50m", None, "sme", "Dropped: the regional fund closed for 2026."),
        ],
        "insights": [
            ("m1", "quote", "g1", "sme", "\"Our customers don't need another loan offer. They need someone to tell them what to fix first.\""),
            ("m1", "need", "g2", "esg", "Energy-performance data on borrowers is the gap the ECB pointed at."),
            ("m2", "pressure", "g2", "data", "Supplier data must arrive with lineage into the bank's ESG data model."),
            ("m2", "need", "g4", "branch", "Relationship managers need a one-page script and a target that counts."),
            ("m3", "quote", "g3", "cfo", "\"Nineteen percent is good. Nineteen percent that I don't have to fund is better.\""),
            ("m4", "observation", "g6", "ceo", "The Direttore Generale sees the programme as a flagship of his plan."),
        ],
        "actions": [
            ("m1", "kam1", -120, True, "Send the Energia Impresa concept note to Marta"),
            ("m2", "agency", -50, True, "Draft the campaign concept with Chiara De Luca"),
            ("m2", "data", -15, False, "Share the ESG data model specification"),
            ("m3", "fin", -6, False, "Send the energy-as-a-service offer for 210 branches"),
            ("m3", "proc", 14, False, "Issue the request for quotes for the branch roll-out"),
            ("m5", "datap", 5, False, "Prepare the data-lineage diagram for the risk workshop"),
        ],
        "touchpoints": [
            ("cro", "kam1", -130, "email", "opened", "Sent the ECB's guide on climate-related risks with our note on energy data."),
            ("ceo", "dir", -85, "linkedin", "positive", "Congratulated Giorgio on his appointment; he accepted and thanked us."),
            ("esg", "datap", -12, "meeting", "meeting", "Reviewed the EPC data sample with Luca."),
            ("sme", "kam1", -8, "phone", "positive", "Agreed the Fermo pilot list with Marta."),
        ],
        "ideas": [
            ("i1", "adopted", "internal", "4 4 2 5", 180000, "g3:3 g7:1", "audit care", "prop ops", "branches energy", "Energy management in 20 pilot branches", "Smart controls and remote monitoring; 19% less energy.", None),
            ("i2", "proposed", "meeting:m3", "4 5 3 4", 1900000, "g3:3", "eaas care", "cfo fin kam1", "branches eaas", "Roll-out to all 210 branches, paid from savings", None, None),
            ("i3", "piloting", "meeting:m2", "5 5 3 3", 1400000, "g1:3 g4:2 g6:2", "audit brand", "sme branch kam1", "sme lending programme", "'Energia Impresa': audit plus pre-approved green loan for SMEs", "Pilot with 40 SMEs in the Fermo footwear district.", None),
            ("i4", "co-creating", "meeting:m1", "5 3 3 3", 250000, "g2:3 g1:1", "sitedata carbon", "esg data datap", "data esg regulator", "Verified energy data for the green asset ratio", None, None),
            ("i5", "shaping", "meeting:m2", "4 3 2 3", 60000, "g4:2 g1:2", "brand", "brand agency", "campaign", "Co-branded campaign for the Marche furniture district", None, None),
            ("i6", "captured", "internal", "3 3 3 2", None, "g2:2", "sitedata", "cro datap", "risk credit", "Energy intensity as a credit-risk factor", None, None),
            ("i7", "captured", "customer", "3 4 2 3", 120000, "g5:2 g6:2", "benchmark", "ceo brand", "reputation", "Regional SME energy barometer published with the bank", None, None),
            ("i8", "declined", "internal", "2 4 3 2", 400000, "g1:1", "helio", "sme", "batteries retail", "Home batteries financed through retail mortgages", None, "Declined: retail banking is not in scope of this year's plan."),
            ("i9", "parked", "partner", "3 3 4 2", 300000, "", "flex", "alliance", "flexibility", "Aggregate SME flexibility for the Italian capacity market", None, "Parked until the programme has 400 customers."),
            ("i10", "captured", "internal", "2 2 1 3", None, "", "brand", "branch", "branches", "Energy-saving tips on branch screens", None, None),
        ],
        "investments": [
            ("20-branch energy pilot", "pilot", "spent", 90000, "q-4", 150000, 180000, "i1", "g3:.8", None),
            ("Fermo district SME audits (40 free audits)", "pilot", "committed", 64000, "q+0", 400000, None, "i3", "g1:.6 g4:.2", None),
            ("Energia Impresa campaign (agency fees)", "co-marketing", "committed", 35000, "m+1", 100000, None, "i5", "g4:.5 g1:.5", None),
            ("Data integration with the bank's ESG model", "service", "planned", 80000, "q+1", 250000, None, "i4", "g2:.8", None),
            ("Ancona Energy Forum sponsorship", "co-marketing", "spent", 15000, "m-1", 20000, 5000, None, "", None),
            ("Retail battery-mortgage study", "service", "stopped", 12000, "q-2", 40000, None, "i8", "", None),
        ],
        "financials": ((520, 560, 610, 590, 680, 720, 760, 810), 0.48, 0.14, 0.06),
    },
    # ---------------------------------------------------------------------------------------- telecom operator
    {
        "name": "Nordwave Telecom",
        "industry": "Telecommunications",
        "tier": "strategic",
        "currency": "EUR",
        "owner": "ad",
        "domain": "nordwave.fi",
        "phone": "+358 40 720",
        "purpose": "Make Nordwave's network the most energy-efficient in the Nordics and turn its 6,400 sites into a grid asset, so every gigabyte costs less and carries less carbon.",
        "objectives": "Scale site batteries from 300 to 2,500 sites with a shared flexibility-revenue model; win the data-centre cooling retrofit in Espoo; launch a joint home-energy bundle to Nordwave's 1.1m fibre customers. €18m annual revenue by 2028.",
        "notes": "Mobile and fibre operator in Finland and the Baltics; 6,400 radio sites, three data centres, 1.1m fibre homes. Electricity is its second-largest operating cost.",
        "people": [
            ("ceo", "Mikael Lindholm", "Chief Executive Officer", "board", "decision maker", 5, "neutral", None, 68, "Deliver the 'beyond connectivity' strategy he announced to investors.", "Reserved; decides with the CFO and CTO. We lack a direct relationship."),
            ("cfo", "Kaisa Virtanen", "Chief Financial Officer", "board", "economic buyer", 5, "supporter", "ceo", 30, "Opex down, free cash flow up, dividend safe.", "Likes that batteries earn money; wants the revenue share audited."),
            ("cto", "Dr Jonas Berg", "Chief Technology Officer", "executive", "decision maker", 5, "champion", "ceo", 11, "The most energy-efficient network in the Nordics, proven by an external ranking.", "Our sponsor. Swedish, engineer, moves fast."),
            ("cco", "Laura Mäkinen", "Chief Consumer Officer", "executive", "decision maker", 4, "sceptic", "ceo", 90, "Lower fibre churn; products customers talk about.", "Doubts an energy bundle fits the brand. Has not met us since spring."),
            ("sust", "Sofia Andersson", "Chief Sustainability Officer", "executive", "influencer", 4, "supporter", "ceo", 24, "SBTi validation and the 'greenest network' title.", None),
            ("strat", "Ville Salonen", "Director of Strategy and M&A", "senior", "influencer", 3, "neutral", "ceo", 73, "Find €50m of new revenue outside connectivity.", "Looks at energy as a possible business line; also talks to our competitors."),
            ("reg", "Tapio Heikkinen", "Head of Regulatory Affairs", "senior", "influencer", 3, "neutral", "ceo", 150, "Keep the regulator confident in network resilience.", "The regulator's backup-power rules are his agenda."),
            ("netops", "Erik Johansson", "VP Network Operations", "senior", "technical buyer", 4, "supporter", "cto", 16, "Fewer site outages in storms; lower opex per site.", None),
            ("dc", "Rasmus Nielsen", "Director of Data Centres", "senior", "technical buyer", 3, "neutral", "cto", 47, "PUE below 1.3 in Espoo.", "Has a cooling supplier he likes."),
            ("energy", "Aino Korhonen", "Head of Network Energy", "manager", "coach", 3, "champion", "netops", 2, "Run the energy programme she designed.", "Knows the site data better than anyone. Shares what the CTO thinks."),
            ("proc", "Piotr Zieliński", "Head of Sourcing, Network", "senior", "gatekeeper", 3, "detractor", "cfo", 58, "Dual-source everything; lower unit prices.", "Wants a second battery supplier and says so in every meeting."),
            ("prod", "Emma Lund", "Head of Home Broadband Products", "senior", "user", 3, "supporter", "cco", 19, "A product launch that cuts churn.", "Likes the home-energy bundle; needs Laura's support."),
            ("treasury", "Mari Kallio", "Treasury and Energy Trading Manager", "manager", "user", 2, "neutral", "cfo", 40, "Hedge power better with flexible load.", None),
        ],
        "influences": [
            ("cto", "cfo", 3, "Jonas and Kaisa decide network investments together."),
            ("proc", "cfo", 2, "Piotr's dual-sourcing policy has Kaisa's backing."),
            ("prod", "cco", 2, "Laura trusts Emma on product-market fit."),
            ("sust", "ceo", 2, "Sofia owns the investor ESG story."),
            ("energy", "netops", 3, "Aino's analysis drives Erik's investment requests."),
        ],
        "coverage": [
            ("cto", "ad", 5, None),
            ("cto", "dir", 3, None),
            ("energy", "ops", 4, None),
            ("energy", "ad", 4, None),
            ("netops", "ops", 3, None),
            ("cfo", "fin", 3, None),
            ("prod", "mkt", 3, None),
            ("sust", "mkt", 2, None),
            ("treasury", "fin", 2, None),
            ("dc", "alliance", 2, None),
            ("proc", "sc", 2, "Aisha handles delivery questions; Piotr keeps it formal."),
        ],
        "meetings": [
            {"key": "m1", "kind": "discovery", "title": "Discovery: network energy and the 2030 net-zero plan", "day": -180, "at": "09:00", "minutes": 120,
             "where": "Nordwave headquarters, Espoo", "who": "cto netops energy sust", "us": "ad ops alliance",
             "purpose": "Understand the network energy programme and the 2030 net-zero commitment.",
             "outcome": "Energy per terabyte and storm resilience confirmed as the CTO's two priorities; batteries at sites could serve both.",
             "notes": """## Context
Electricity is Nordwave's second-largest operating cost: €94m last year. 5G doubled the energy per site while traffic grew 28% a year.

## What we heard
- 300 sites have our Helio batteries for backup; the rest use lead-acid with two hours of autonomy.
- The January storms cut power to 740 sites; the regulator asked for a plan.
- Jonas wants energy per terabyte down 40% by 2028.

> "Every site is a small power station that does nothing 99% of the time. That's a waste I can see on my bill." — Dr Jonas Berg

## Next steps
- Aino shares half-hourly data for 300 sites.
- Greg and Marek model site batteries as a grid asset.
"""},
            {"key": "m2", "kind": "co-creation", "title": "Co-creation: batteries as a grid asset", "day": -120, "at": "10:00", "minutes": 240,
             "where": "Verdant Lab, Stockholm", "who": "netops energy treasury dc", "us": "ad ops alliance fin datap",
             "purpose": "Design a battery model that pays for itself through flexibility revenue and meets backup requirements.",
             "outcome": "A shared-revenue model for 2,500 sites sketched; treasury sees a hedge benefit; backup time rises to four hours.",
             "notes": """## The model
- Batteries at 2,500 sites, 4 hours of backup, about 500 MWh in total.
- 60% of capacity reserved for backup, 40% bid into the Fingrid reserve markets.
- Revenue shared 70/30 in Nordwave's favour.

## Voices
Mari Kallio saw a second benefit: flexible load makes Nordwave's power hedge cheaper. Rasmus stayed quiet until the end, then asked whether the same logic applies to data-centre cooling.

> "If the batteries pay for themselves and keep the regulator happy, I don't need to win any other argument." — Erik Johansson

## Open questions
- How does sourcing react to a single battery supplier?
- What does the regulator count as backup if part of the battery is trading?
"""},
            {"key": "m3", "kind": "business review", "title": "Q3 business review: site battery roll-out", "day": -50, "at": "13:00", "minutes": 90,
             "where": "Nordwave headquarters, Espoo", "who": "cfo cto proc energy", "us": "ad fin svc dir",
             "purpose": "Review the first 300 sites and agree the next phase.",
             "outcome": "Flexibility revenue ahead of plan (€410 per site per month). Sourcing demands a second supplier before phase two; CFO wants the revenue share audited.",
             "notes": """## Results
- 300 sites live; flexibility revenue €410 per site per month against €350 planned.
- Zero battery-related outages; backup autonomy 4.2 hours on average.

## Tension
Piotr insisted on dual sourcing before phase two. Jonas argued that two battery platforms double the integration work. Kaisa closed it: audit the revenue share first, then decide on sourcing.

> "I love batteries that pay for themselves. I love them more when an auditor agrees." — Kaisa Virtanen
"""},
            {"key": "m4", "kind": "executive", "title": "Strategy offsite: new revenue from energy", "day": -30, "at": "09:00", "minutes": 180,
             "where": "Nordwave strategy offsite, Porvoo", "who": "strat cfo cco prod", "us": "dir ad mkt",
             "purpose": "Contribute to Nordwave's search for new revenue beyond connectivity.",
             "outcome": "The home-energy bundle made the long list; Laura sceptical about brand fit; Ville wants a business case by February.",
             "notes": """## Our part
Helen presented three options: flexibility revenue from the network, a home-energy bundle for fibre customers, and energy services for enterprise customers.

## Reactions
- Ville: the bundle could reach €30m revenue if 5% of fibre homes take it.
- Laura: "Customers buy broadband from us, not electricity." She wants proof that bundles cut churn.
- Emma has data: bundle customers churn 35% less in other markets.

> "Show me that customers want it, not that you want to sell it." — Laura Mäkinen
"""},
            {"key": "m5", "kind": "social", "title": "Slush side event and sauna evening", "day": -9, "at": "18:30", "minutes": 180,
             "where": "Löyly, Helsinki", "who": "cto energy prod", "us": "ad mkt",
             "purpose": "Keep the relationship warm after the business review.",
             "outcome": "Jonas will nominate the battery programme for the GSMA green network award.",
             "notes": """## Evening
Relaxed. Jonas spoke about the external ranking he wants to win, and asked whether we would co-author the award entry.

- Emma asked for our consumer research on home batteries.
- Aino wants to present the flexibility results at the Nordic energy conference.

> "Next year I want the award on my wall, and your name can be in the small print." — Dr Jonas Berg
"""},
            {"key": "m6", "kind": "discovery", "title": "Home-energy bundle: consumer discovery with the CCO", "day": 4, "at": "14:00", "minutes": 90,
             "where": "Nordwave headquarters, Espoo", "who": "cco prod", "us": "ad mkt agency",
             "purpose": "Understand what Laura needs to believe before backing a home-energy bundle.",
             "outcome": None,
             "notes": """## Goals for the meeting
- Hear Laura's churn numbers and what a bundle must do for them.
- Present the consumer research, not a product.
- Agree a small test with Emma's team.

## Bring
- Inês: three concept boards, tested with 40 fibre customers.
"""},
        ],
        "goals": [
            ("g1", "financial", "Cut network energy cost per terabyte by 40%", 5, "confirmed", "medium", "kWh per terabyte carried", "-40% by 2028 against 2024", "cto@m1", "cto", None),
            ("g2", "political", "Keep the regulator confident in network resilience", 5, "confirmed", "short", "Rural sites with ≥ 4 h backup power", "80% by 2027", "netops@m2", "reg", "After the January storms the regulator asked for a resilience plan."),
            ("g3", "strategic", "Net-zero network by 2030, SBTi-validated", 4, "confirmed", "long", "Scope 1 and 2 emissions", "Net zero by 2030", "sust@m1", "sust", None),
            ("g4", "financial", "€50m of new revenue beyond connectivity by 2028", 4, "confirmed", "medium", "Non-connectivity revenue", "€50m in 2028", "strat@m4", "strat", None),
            ("g5", "competitive", "Cut fibre churn below 1% a month", 4, "unconfirmed", "medium", "Monthly fibre churn", "1.4% → 0.9%", None, "cco", None),
            ("g6", "competitive", "Win the Nordic 'greenest network' ranking", 3, "confirmed", "short", "Ranking position", "First place in 2027", "cto@m5", "cto", None),
            ("g7", "interpersonal", "Help the CTO and CCO build a joint agenda", 2, "unconfirmed", "short", "Joint CTO–CCO initiatives", "One shared programme in the 2027 plan", None, "ceo", "Network and consumer rarely plan together; the bundle could be the first."),
            ("g8", "strategic", "Complete the 2G shutdown in Finland", 3, "achieved", "short", "2G sites remaining", "0 by September", "cto@m1", "netops", None),
            ("g9", "financial", "Sale and leaseback of the tower portfolio", 2, "dropped", "medium", "Proceeds", "€600m", None, "cfo", "Dropped: the board decided in September to keep the towers."),
        ],
        "insights": [
            ("m1", "quote", "g1", "cto", "\"Every site is a small power station that does nothing 99% of the time.\""),
            ("m1", "pressure", "g2", "netops", "The January storms cut power to 740 sites; the regulator wants a plan."),
            ("m2", "observation", "g4", "treasury", "Flexible load would lower the cost of Nordwave's power hedge."),
            ("m3", "pressure", None, "proc", "Sourcing will not approve phase two without a second battery supplier."),
            ("m4", "quote", "g5", "cco", "\"Show me that customers want it, not that you want to sell it.\""),
            ("m4", "need", "g5", "prod", "Bundle customers churn 35% less in other markets; Emma needs local proof."),
        ],
        "actions": [
            ("m1", "energy", -170, True, "Share half-hourly data for the 300 battery sites"),
            ("m2", "fin", -100, True, "Model the shared-revenue battery case for 2,500 sites"),
            ("m3", "fin", -30, True, "Appoint an auditor for the flexibility revenue share"),
            ("m3", "sc", -7, False, "Send Piotr a dual-sourcing risk analysis"),
            ("m4", "mkt", -3, False, "Send Emma the consumer research on home batteries"),
            ("m5", "ad", 10, False, "Draft the award entry with Jonas's team"),
            ("m6", "agency", 2, False, "Finish the three concept boards for Laura Mäkinen"),
        ],
        "touchpoints": [
            ("ceo", "dir", -68, "email", "opened", "Sent the storm-resilience summary with the first battery results."),
            ("cco", "mkt", -90, "linkedin", "none", "Shared our article on energy bundles and churn."),
            ("reg", "ad", -150, "event", "replied", "Met Tapio at the regulator's resilience seminar."),
            ("strat", "dir", -20, "email", "replied", "Sent the business-case outline for the home-energy bundle."),
            ("cfo", "fin", -30, "meeting", "positive", "Walked Kaisa through the audit scope."),
        ],
        "ideas": [
            ("i1", "adopted", "internal", "5 4 3 5", 2100000, "g2:3 g1:2", "helio care", "netops energy ops", "batteries resilience", "Helio batteries at 300 rural sites", "Four hours of backup instead of two.", None),
            ("i2", "piloting", "meeting:m2", "5 5 3 4", 6500000, "g1:3 g4:2 g2:2", "helio flex gridflex", "energy treasury fin", "batteries flexibility", "Batteries as a grid asset: flexibility revenue at 2,500 sites", "60% backup, 40% trading; revenue shared 70/30.", None),
            ("i3", "proposed", "meeting:m2", "4 4 4 3", 3400000, "g1:2 g3:2", "heat eaas", "dc ops", "data-centre cooling", "Free cooling and heat reuse at the Espoo data centre", "Sell waste heat to the district heating network.", None),
            ("i4", "co-creating", "meeting:m4", "4 5 3 2", 9000000, "g4:3 g5:2 g7:2", "helio brand", "prod mkt agency", "consumer bundle", "Home-energy bundle for fibre customers", "Battery, solar and smart tariff with broadband.", None),
            ("i5", "shaping", "meeting:m5", "3 4 1 4", None, "g6:3 g3:1", "benchmark brand", "cto mkt", "award reputation", "Joint entry for the green network award", None, None),
            ("i6", "captured", "internal", "3 3 2 3", 400000, "g3:2 g1:1", "carbon sitedata", "sust datap", "carbon", "Energy per terabyte published quarterly", None, None),
            ("i7", "captured", "partner", "3 4 3 2", 1500000, "g4:2", "sable", "strat alliance", "enterprise", "Energy services for Nordwave's enterprise customers", None, None),
            ("i8", "declined", "customer", "2 3 3 2", 800000, "g3:1", "helio", "proc", "sourcing", "Second battery supplier integrated by us", "We integrate a competitor's batteries into our platform.", "Declined by us: we cannot guarantee another supplier's batteries in the revenue share."),
            ("i9", "parked", "internal", "3 3 5 2", 5000000, "g3:2", "helio", "netops", "solar", "Solar at 1,000 rural sites", None, "Parked: low winter yield makes it marginal in Finland."),
            ("i10", "shaping", "meeting:m3", "4 3 2 4", 150000, "g2:2", "audit benchmark", "reg energy", "regulator", "Resilience report for the regulator", None, None),
            ("i11", "co-creating", "internal", "3 3 2 3", None, "g7:3", "benchmark", "cto cco", "governance", "Shared CTO–CCO energy steering group", None, None),
            ("i12", "captured", "meeting:m5", "2 2 1 3", None, "", "brand", "energy", "events", "Present the flexibility results at the Nordic energy conference", None, None),
        ],
        "investments": [
            ("Batteries for 300 rural sites (our share)", "capex", "spent", 900000, "q-6", 1500000, 1750000, "i1", "g2:.6 g1:.3", None),
            ("Flexibility pilot integration", "pilot", "spent", 150000, "q-3", 400000, 520000, "i2", "g1:.5 g4:.5", None),
            ("Battery roll-out phase two (2,200 sites)", "capex", "committed", 4200000, "q+1", 11000000, None, "i2", "g1:.5 g2:.3 g4:.2", None),
            ("Revenue-share audit", "service", "committed", 40000, "m+0", 0, None, None, "", "Requested by the CFO; no direct return."),
            ("Consumer concept testing", "co-marketing", "committed", 55000, "m+1", 200000, None, "i4", "g5:.6 g4:.4", None),
            ("Espoo cooling feasibility", "service", "spent", 35000, "q-1", 100000, 60000, "i3", "g3:.6", None),
            ("Slush side event", "co-marketing", "spent", 22000, "m-1", 30000, 10000, None, "", None),
            ("Network energy analyst in Espoo", "people", "planned", 120000, "q+2", 300000, None, None, "g1:.5 g3:.3", None),
        ],
        "financials": ((3120, 3380, 3550, 3900, 3810, 4250, 4480, 4920), 0.60, 0.08, 0.05),
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Fragments for generated accounts. Placeholders: {co} company short name, {site} and {unit} site noun (one, many), {units} number of
# sites, {third} a third of them,
# {city}, {person}, {us} (our team member), {pct}, {n}, {month}, {asset}.

INDUSTRIES = [
    # name, name suffixes, (site, sites), site count range, revenue scale (thousands per quarter), currency
    ("Grocery retail", ("Foods", "Markets", "Supermarkets", "Fresh"), ("store", "stores"), (80, 900), 3000, "EUR"),
    ("Convenience retail", ("Express", "Stores", "Retail"), ("store", "stores"), (200, 2500), 1200, "EUR"),
    ("Hospitals and healthcare", ("Kliniken", "Health", "Hospitals", "Care Group"), ("hospital", "hospitals"), (4, 30), 1500, "EUR"),
    ("Automotive supplier", ("Components", "Automotive", "Drive Systems", "Precision"), ("plant", "plants"), (3, 14), 2200, "EUR"),
    ("Regional banking", ("Bank", "Sparkasse", "Banca", "Savings Bank"), ("branch", "branches"), (40, 300), 500, "EUR"),
    ("Telecommunications", ("Telecom", "Mobile", "Networks", "Connect"), ("site", "sites"), (1500, 9000), 3500, "EUR"),
    ("Pharmaceutical distribution", ("Pharma", "Medical Supply", "Healthcare Logistics"), ("warehouse", "warehouses"), (5, 40), 1800, "EUR"),
    ("Logistics and cold storage", ("Logistics", "Cold Chain", "Freight"), ("warehouse", "warehouses"), (8, 60), 1600, "EUR"),
    ("Hotels and hospitality", ("Hotels", "Resorts", "Hospitality"), ("hotel", "hotels"), (15, 180), 900, "EUR"),
    ("Food manufacturing", ("Dairy", "Bakeries", "Food Group", "Brewing"), ("plant", "plants"), (3, 18), 2000, "EUR"),
    ("Chemicals", ("Chemie", "Chemicals", "Materials"), ("plant", "plants"), (2, 12), 2500, "EUR"),
    ("Data centres", ("Data Centres", "Digital Infrastructure", "Colocation"), ("data centre", "data centres"), (3, 25), 2800, "EUR"),
    ("Higher education", ("University", "Institute of Technology"), ("campus", "campuses"), (2, 9), 700, "EUR"),
    ("Public transport", ("Transit", "Rail", "Mobility"), ("depot", "depots"), (6, 40), 1300, "EUR"),
    ("Commercial property", ("Real Estate", "Properties", "REIT"), ("building", "buildings"), (20, 250), 1100, "GBP"),
    ("Airports", ("Airports", "Airport Group"), ("terminal", "terminals"), (2, 8), 1900, "EUR"),
]

NAME_STEMS = (
    "Aldwick", "Brightwater", "Calder", "Dunmore", "Elbtal", "Fjordane", "Glenmoor", "Hallstatt", "Isar", "Jutland",
    "Kestrel", "Lindqvist", "Moravia", "Norrland", "Oakhurst", "Pannonia", "Quarry Bay", "Rhône", "Solway",
    "Tavira", "Ulster", "Vistula", "Westerland", "Ystad", "Zeeland", "Ardennes", "Baltica", "Carrara", "Douro",
    "Esker", "Falun", "Garonne", "Harz", "Iberia", "Jura", "Karelia", "Loire", "Meuse", "Nordkapp", "Oder",
    "Piave", "Rialto", "Saale", "Tatra", "Umbria", "Vosges", "Wessex", "Algarve", "Bothnia", "Camargue",
)
REGIONS = ("North", "South", "East", "West", "Central", "Coastal", "Alpine", "Atlantic", "Baltic", "Nordic")
CITIES = (
    "Aarhus", "Antwerp", "Bergen", "Bilbao", "Bologna", "Bordeaux", "Bremen", "Brno", "Cork", "Dresden", "Eindhoven",
    "Gdańsk", "Ghent", "Gothenburg", "Graz", "Groningen", "Hamburg", "Kraków", "Leipzig", "Lille", "Linz", "Lyon",
    "Malmö", "Nantes", "Newcastle", "Oulu", "Porto", "Poznań", "Rotterdam", "Seville", "Tampere", "Toulouse",
    "Trieste", "Turin", "Utrecht", "Valencia", "Verona", "Vilnius", "Wrocław", "Zaragoza", "Aberdeen", "Tartu",
)
FIRST_NAMES = (
    "Anna", "Lars", "Sophie", "Mateo", "Ingrid", "Pieter", "Chiara", "Oskar", "Elif", "Julien", "Marta", "Niels",
    "Zofia", "Hugo", "Leonie", "Rafael", "Saskia", "Tobias", "Aoife", "Kristian", "Beatriz", "Emil", "Noor",
    "Valentin", "Greta", "Sebastián", "Hanna", "Mikko", "Clara", "Dominik", "Ewa", "Frederik", "Lucía", "Matteo",
    "Nora", "Jakub", "Camille", "Anders", "Irene", "Yusuf", "Fenna", "Bruno", "Maja", "Thomas", "Ruth", "Viktor",
)
LAST_NAMES = (
    "Andersen", "Bianchi", "Castro", "Dijkstra", "Eriksson", "Fontana", "Gruber", "Hansen", "Ivanova", "Jansen",
    "Kowalski", "Lambert", "Moreau", "Nieminen", "Olsen", "Petersen", "Quinn", "Rossi", "Schneider", "Torres",
    "Urbanek", "Visser", "Wagner", "Zimmermann", "Becker", "Costa", "Dubois", "Ferreira", "Horvat", "Keller",
    "Lindberg", "Meyer", "Novak", "O'Brien", "Peeters", "Richter", "Silva", "Vogel", "Walsh", "Yilmaz",
)
PHONE_PREFIXES = ("+49 30 5580", "+31 20 7940", "+33 1 4420", "+39 02 8870", "+34 91 3310", "+46 8 5450", "+48 22 6230")

# title, level, buying role, influence range; the first three are always present (CEO, CFO, COO)
EXECUTIVES = [
    ("Chief Executive Officer", "board", "decision maker", (5, 5)),
    ("Chief Financial Officer", "board", "economic buyer", (4, 5)),
    ("Chief Operating Officer", "executive", "decision maker", (4, 5)),
]
ROLES = [
    ("Chief Procurement Officer", "executive", "gatekeeper", (3, 4)),
    ("Chief Sustainability Officer", "executive", "influencer", (3, 4)),
    ("Chief Digital Officer", "executive", "technical buyer", (3, 4)),
    ("Chief Commercial Officer", "executive", "decision maker", (3, 4)),
    ("Director of Facilities and Engineering", "senior", "technical buyer", (3, 4)),
    ("Head of Energy and Utilities", "manager", "coach", (2, 3)),
    ("Head of Indirect Procurement", "senior", "gatekeeper", (2, 3)),
    ("Group Controller", "manager", "coach", (2, 3)),
    ("Head of Maintenance", "manager", "user", (2, 3)),
    ("Regional Operations Director", "senior", "user", (2, 4)),
    ("Head of ESG Reporting", "manager", "influencer", (2, 3)),
    ("Head of IT Infrastructure", "senior", "technical buyer", (2, 3)),
    ("Site Manager", "manager", "user", (1, 2)),
    ("Energy Analyst", "staff", "user", (1, 2)),
    ("Executive Assistant to the CEO", "staff", "gatekeeper", (1, 2)),
    ("Head of Property", "senior", "technical buyer", (2, 4)),
]
STANCE_WEIGHTS = (("champion", 2), ("supporter", 4), ("neutral", 5), ("sceptic", 3), ("detractor", 1))
PERSONAL_WINS = (
    "Wants a visible win before the next board cycle.", "Building the case for a promotion to group level.",
    "Measured on cost per {site}; a bonus depends on it.", "Wants fewer night-time call-outs for the team.",
    "Needs a story for investors on carbon.", "Hates surprises; wants to be briefed before anyone else.",
    "Wants to be seen as the person who modernised the {unit}.", "Protects a tight budget; every euro must show up.",
    "Keen to speak at industry conferences about the programme.", "Wants the regulator off the team's back.",
)

# category -> (title, kpi, target)
GOAL_TEMPLATES = {
    "strategic": [
        ("Net-zero operations across all {unit} by 2035", "Scope 1 and 2 emissions", "-50% by 2030"),
        ("One operating standard for every {site}", "Share of {unit} on the group standard", "100% by 2028"),
        ("Modernise the oldest third of the {unit}", "Number of {unit} refurbished", "{third} {unit} by 2028"),
        ("Double digital revenue share", "Share of revenue from digital channels", "30% by 2029"),
    ],
    "competitive": [
        ("Lowest cost to serve in the sector", "Cost to serve per {site}", "Top quartile of the Energy Benchmark"),
        ("Win back share from low-cost competitors", "Market share", "+1 point in two years"),
        ("Be first to offer customers a carbon label", "Products or services with a carbon label", "All core lines by 2027"),
        ("Best service reliability in the market", "Unplanned downtime per {site}", "-40% in 18 months"),
    ],
    "interpersonal": [
        ("Help the new COO land a first flagship programme", "Board-approved programme", "Approved within 12 months"),
        ("Rebuild trust between head office and the {unit}", "Site managers backing group initiatives", "Majority in the annual survey"),
        ("Give the energy team a voice at board level", "Quarterly energy report to the board", "From next year"),
    ],
    "political": [
        ("Stay ahead of mandatory carbon reporting (CSRD)", "Audit opinion on sustainability report", "Unqualified opinion"),
        ("Keep the works council on side through the change programme", "Works agreement", "Signed before roll-out"),
        ("Secure public co-funding for the efficiency programme", "Grant funding approved", "€{n}m"),
        ("Satisfy the regulator's resilience requirements", "Share of {unit} meeting backup rules", "90% by 2027"),
    ],
    "financial": [
        ("Cut energy cost by {pct}%", "Energy cost per {site}", "-{pct}% in two years"),
        ("Lift operating margin by one point", "Operating margin", "+1.0 point by 2028"),
        ("No new capex for efficiency projects", "Efficiency capex", "€0; off balance sheet only"),
        ("Free cash flow positive next year", "Free cash flow", "Positive in the next financial year"),
    ],
}
GOAL_DESCRIPTIONS = (  # the first two only for unconfirmed goals
    "Our reading from several conversations; not yet confirmed in writing.", "Heard second-hand from {person}'s team.",
    "Raised by {person} and repeated in the annual report.", "Part of the three-year plan presented to the board in {month}.",
    "Tied to the executive bonus scheme.", None, None,
)

IDEA_TEMPLATES = [
    # title, tags, asset keys
    ("Remote monitoring for every {site}", "monitoring care", "care coldsense"),
    ("Energy-as-a-service for the next refurbishment wave", "finance eaas", "eaas audit"),
    ("Battery storage for backup and peak shaving", "batteries resilience", "helio"),
    ("Demand-flexibility revenue from the {unit}", "flexibility energy", "flex gridflex"),
    ("Heat reuse from cooling plant", "heat net-zero", "heat"),
    ("Carbon dashboard for the sustainability report", "carbon reporting", "carbon sitedata"),
    ("Benchmark each {site} against the sector", "benchmark data", "benchmark sitedata"),
    ("Predictive maintenance on critical plant", "maintenance reliability", "care sable"),
    ("Co-branded campaign on energy savings", "marketing campaign", "brand"),
    ("Energy audit of the twenty worst {unit}", "audit quick-win", "audit"),
    ("Solar and storage on the largest sites", "solar", "helio eaas"),
    ("Technician training academy", "people training", "audit"),
    ("Quarterly board energy report", "governance", "benchmark"),
    ("Joint funding application", "funding", "audit"),
    ("Connect sensors to the customer's data platform", "data platform", "sable"),
    ("Electric vehicle charging at the {unit}", "ev new-revenue", "helio"),
]
IDEA_DESCRIPTIONS = (
    "Came up when {person} described the last outage.", "Sized on the {city} {site} first; scalable to all {unit}.",
    "Pays back in about {n} months on current energy prices.", "Needs a sponsor on their side before we shape it further.",
    "Builds on what already works in the pilot.", None,
)
PARK_REASONS = ("Waiting for next year's budget.", "Parked until the pilot results are in.", "No sponsor on the customer side yet.")
DECLINE_REASONS = ("Declined: payback too long for the CFO.", "Declined: conflicts with the customer's framework agreement.",
                   "Declined: the works council opposed it.", "Declined by us: margin too thin to sustain.")

INVESTMENT_TEMPLATES = [
    ("Monitoring pilot", "pilot"), ("Site audits", "service"), ("Co-branded campaign", "co-marketing"),
    ("Volume rebate", "discount"), ("Resident engineer", "people"), ("Shared-savings hardware", "capex"),
    ("Conference sponsorship", "co-marketing"), ("Promotional support", "trade spend"), ("Data integration", "service"),
]

MEETING_TITLES = {
    "discovery": ("Discovery: energy and operations", "Discovery: {site} walk-through in {city}", "Discovery with the new {role}"),
    "co-creation": ("Co-creation workshop: cutting cost per {site}", "Co-creation: the next three years", "Idea sprint with the {city} team"),
    "business review": ("Quarterly business review", "Service review: {city} region", "Joint business plan review"),
    "executive": ("Executive sponsor meeting", "Board-level briefing on energy", "CEO breakfast"),
    "social": ("Dinner after the {city} energy forum", "Site visit and lunch in {city}", "Industry awards evening"),
}
LOCATIONS = ("{co} headquarters, {city}", "Microsoft Teams", "Verdant office, {city}", "{co} site, {city}", "Hotel conference room, {city}")
SOCIAL_LOCATIONS = ("Restaurant near the {city} {site}", "{city} energy forum", "{co} {site}, {city}", "Golf club, {city}")
PURPOSES = {
    "discovery": ("Understand what the {role} is measured on this year.", "See the {city} {site} and hear where energy is lost."),
    "co-creation": ("Shape two or three ideas worth a pilot.", "Turn the audit findings into ideas both sides would fund."),
    "business review": ("Review progress and agree next steps on the programme.", "Test the business case with finance before the budget round."),
    "executive": ("Introduce our sponsor and hear the board's priorities.", "Agree the shape of a multi-year partnership."),
    "social": ("Build the relationship outside the day-to-day.", "Thank the {city} team for the pilot."),
}
OUTCOMES = (
    "Agreed a pilot in {n} {unit}.", "Confirmed the priority; they want numbers before the budget round.",
    "Positive, but procurement needs three quotes.", "Sponsor agreed; next step is a proposal in {month}.",
    "Mixed: finance supportive, operations worried about disruption.", "They asked for references from their sector.",
)

# Sentence fragments for meeting notes: subject + verb phrase + object + qualifier, plus bullets and quotes.
NOTE_SUBJECTS = (
    "{person}", "The {role}", "Finance", "The site team in {city}", "Procurement", "The board", "Operations",
    "Their energy manager", "The sustainability office", "Regional management", "Maintenance", "IT security",
)
NOTE_VERBS = (
    "is worried about", "wants a clear answer on", "challenged us on", "has been asked by the board to fix",
    "sees an opportunity in", "is sceptical about", "keeps coming back to", "would sponsor", "has no budget for",
    "is measured this year on", "asked for benchmarks on", "wants to pilot", "would rather postpone",
)
NOTE_OBJECTS = (
    "the energy bill at the {city} {site}", "night-time alarms", "the refrigerant phase-out", "peak-demand charges",
    "backup power during outages", "the carbon numbers in the annual report", "maintenance backlog",
    "compressed-air leaks", "heat pumps for the older {unit}", "supplier consolidation",
    "the tender timetable", "the grid connection in {city}", "the chiller replacement", "summer overheating",
    "data from the building management system", "the audit findings", "the capex freeze", "flexibility revenue",
    "solar on the roofs", "the works council's concerns", "the inspection in {month}", "LED retrofits", "the cost per {site}",
)
NOTE_QUALIFIERS = (
    "before the budget round", "this quarter", "since the price spike", "after last winter", "in {n} {unit}",
    "without new capex", "if the payback is under three years", "before the board meets in {month}",
    "as long as operations are not disrupted", "with numbers from their own meters", "across the group",
    "", "", "",
)
NOTE_BULLETS = (
    "Energy spend up {pct}% against last year.", "{n} {unit} still on the old controls.", "Payback target: under {n} years.",
    "Alarm volume down {pct}% since the pilot.", "Budget decisions in {month}.", "{person} owns the decision.",
    "Procurement threshold: three quotes above €{n}0k.", "Works council to be informed before any roll-out.",
    "The {city} {site} is the obvious pilot.", "Carbon target: -{pct}% by 2030.", "Maintenance contract ends in {month}.",
    "Their data sits in three systems nobody trusts.", "Two outages in {city} this year.", "Interested in {asset}.",
)
NOTE_QUOTES = (
    "Give me a number I can defend in front of the board.", "We have had enough pilots. Show me scale.",
    "I don't care about kilowatt-hours, I care about {unit} that stay open.", "If it pays for itself, why haven't we done it?",
    "Talk to my team first, then come back to me.", "The cheapest energy is the energy we don't use.",
    "Procurement will want three quotes, whatever we think.", "Make it simple enough for the night shift.",
)
NOTE_NEXT = (
    "{us} sends a proposal by {month}.", "{us} books a site visit in {city}.", "{person} shares twelve months of data.",
    "{us} prepares references from the sector.", "Follow up with finance on the payback model.",
    "{us} drafts a one-page summary for the sponsor.", "Agree pilot scope with {person}.",
)
INSIGHT_TEMPLATES = {
    "quote": NOTE_QUOTES,
    "observation": ("Decisions above €{n}0k go to the board.", "Site managers ignore alarms they don't trust.",
                    "Energy is managed site by site; nobody owns the group view.", "The {city} team is ahead of the rest."),
    "need": ("Needs savings verified by an independent party.", "Needs a funding model that keeps capex at zero.",
             "Needs data that survives an audit.", "Needs a solution that works without extra staff."),
    "pressure": ("Energy prices eat most of this year's margin.", "The regulator expects a plan by {month}.",
                 "The board froze capex until the next review.", "Investors ask about carbon every quarter."),
}
ACTION_TEMPLATES = (
    "Send the proposal", "Share twelve months of energy data", "Book the site visit in {city}", "Confirm the pilot scope",
    "Introduce our finance partner", "Send references from the sector", "Prepare the board paper", "Review the draft contract",
)
TOUCHPOINT_TEMPLATES = (
    ("email", "Sent the Energy Benchmark chapter for their sector."), ("linkedin", "Congratulated them on the annual results."),
    ("event", "Met at the regional energy forum."), ("phone", "Called to follow up on the pilot results."),
    ("email", "Shared a case study from a similar customer."), ("message", "Sent the article on flexibility revenue."),
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
