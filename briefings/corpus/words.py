"""The corpus's general vocabulary, ranked: most frequent first (see ``vocabulary``).

The head was chosen by hand; the rest are the words of the project's seed briefings
and its topic keywords, by frequency, interleaved with more policy words. Frozen:
generated corpora depend on this exact order.
"""

# Text, not a literal: a literal would be a line per word.
WORDS: tuple[str, ...] = tuple(
    """
China policy government economic Beijing Chinese party state development security
national market officials growth local public foreign political companies reform
industry trade investment financial technology leadership Communist control system
law international power risk support economy country plan pressure bank rules sector
debt global strategy military cooperation official ministry domestic capital private
analysts enterprises report measures demand production prices rate stability council
campaign central leaders regulators provincial authorities data industrial
Washington American Europe European Xi years month week quarter percent billion
million trillion yuan dollars according statement recent first new senior major key
strong further broader greater current crisis competition conflict tensions
relations agreement negotiations talks summit response approach framework guidelines
regulation implementation priority priorities target targets goal goals outcome
impact effect consequences signal signals message sources documents notice
announcement directive document media reports analysis observers experts scholars
researchers economists diplomats commentators critics citizens residents workers
consumers households firms businesses investors lenders banks markets exports
imports supply chains tariffs sanctions controls restrictions credit loans bonds
assets property housing land energy climate innovation research education health
welfare employment unemployment income wages spending revenue budget fiscal monetary
stimulus consumption output manufacturing services infrastructure networks platforms
internet digital online surveillance censorship propaganda ideology discipline
corruption governance administration bureaucracy legislation courts enforcement
compliance oversight accountability transparency GDP Politburo Shanghai EU PLA
accelerate people information acceleration accession social year accommodate work
accord accountable business accumulate made opinion accumulation time within
acquisition leak great acquisitions company anti rights adjustment used including
take like adjustments chat part become exchange departments administrative example
civil hacking hole adoption finance regime front society advocacy using black
affordability privacy job affordable called issues last aggregate order August
cranes aggressive big medical aggressively story article high war past agrarian
behavior long announced users said aid points platform service personal legitimacy
airspace conference commerce real allocation important face problems former allocate
individuals secrets allies end leading self launched alliances statistics
investments office access department allocations human estate bond delivery legal
ambiguity president change governments firewall amendments industries profit
recently certain analytical risks owned issued read annexation number look
increasingly world trying anticipated source means database shows related antitrust
cases especially associated appeal threat third inspection appetite export without
cost deal appreciation term back ban arbitration countries press reserves point arms
involving audit revealed units need arrangement known policies come elite arrest
congress values effort difficult rather arrests app intelligence low commission
ascendancy minister director assertive cannot text dialogue original trading
assertiveness comprehensive institute youth household assessment science poll
authoritarian systems pay asymmetric agencies regulations use overseas attache list
day downturn soon auditors politics live released authorization set specific
commercial increasing gradually autonomy protection already non autonomous respect
mainly aspects organization place aviation interests problem making among backstop
campaigns seems force driven potential bailouts concerns targeting lead another
reality record western levels institutions province ballistic organizations instead
ahead replace bankruptcy port ready population show coverage bargaining ports issue
eye difficulties baseline summary careers affairs university management benchmark
leads forces sale model bilateralism seeking basis bipartisan professor longer open
groups blueprint democratic socialism characteristics short members bondholders
times purpose personnel house healthcare borrowing due think red thought monitoring
bottleneck rating action based second journal bottlenecks sales full chips village
career boundary hospital invested attention content standards boycott include
providing believes actually entire broadband openly engage supervision daily buffer
towards officially city bureaucrats suggests effective lack operations top buyback
individual calls let cabinet life case move feature wants cadres appear address
following challenges efforts calibrated pointed make fact capacity relationship
around sectors today transactions capitalization maintain mobile accounts comes
focus value construction far several cartel establish different products tool earn
catalyst currently call included see cautious sensitive continue annual reforms
provide ceasefire equipment led happen focused never centralized old defense reason
police changing chancellor briefing organizational investigated amount charter sky
democracy small proactive states chokepoints bureau constitution capitalism care
circular emerging video committee civilian activities arbitrary era studies disease
clampdown developing cultural score serious coalition financing joint
dissatisfaction grounds large coastal survey initiative tech investigation legacy
coercive cutting edge pharmaceutical unity streaming cohesion township figures rural
multiple illegally collateral fees period transportation unauthorized collecting
collectivization believe includes widespread phenomenon sell colonial stated
internal associate records warned commodity transformation possible reported
enhancing openness commodities sharing operate field unlikely needed communique
allow challenge despite find strengthening compensation influence tighten
formulation early overall competitiveness areas prohibited get possibility decades
concession stay view importance scale concessions demands way always name result
confidentiality active little nation provision application conglomerate funds
previously mean best conglomerates democracies consider put restricted connectivity
leaked useful looking ways consolidation directly ever powerful prevention poor
consortium developed exclude technologies throughout constituency norms
sophisticated harsh idea consultation rapid required employees components lists
consumerism website nationwide scoring scores buying containment largest addition
communications popular contingency corporate highest invisible convergence
indirectly aiding hire next conversion rhetoric less particularly analyst
convertible reveals facing facts plans account coordination watch growing willing
crackdown spend corporatization contracts published going corridor promote news
saying extend countermeasures editor brought patients focusing previous covenant
thus suddenly main academic credibility closure collective industrialization share
avoid creditors switching transition crossborder south ownership rule union mass
curbs forced violations court enterprise custodian repression raising critical
customs guard white inner strategic hard cyberspace free supervisory Japan hidden
opening deadline secrecy abroad home natural history deadlock speculation liberties
historian revolution decarbonization study purchasing sesame project
decentralization rare demographic posts mobility net decoupling repay step invest
package restrictive default price espionage appointed succession liberation defaults
independence mature semiconductor college takeout deficit labor suspend hide hiding
deficits flight knowledge investor electric deflationary totaling mentioned shift
publicly deleveraging tip iceberg operational charging unit delegation details
indicates refers indicate deliberation paid practiced parties practices violation
denuclearization illegal notes internationally strict trend deployment happening
turn hold reduce deposit southern exploring pilot depositors elements mechanism
established actions authorized deputy resources later fundamentally decisions
deregulation purposes provisions compared controlled laws derisking storing poses
significant know destabilizing beyond scene came late tightened detainees grip lives
intellectual west deterrence radical written essential every doubts devaluation role
along limits says socialist devolution transformed course easy massive pushed
diplomacy noted dominance decision pandemics rising disbursement acquired added
manner continues expand disclosure loyal enough future capitalists unclear
discretion unlike understand scrutiny familiar latest discrimination putting lines
operating nature disinformation emergence banning updates exactly thing dissent
available mostly preparing topic emerged distortion asymmetry turning ability
conduct give divergence demanded happens investing diversification start clients
moment evidence created divestment doubt heightened sensitivity degree present
dividend reflects independent outside level addressing dividends weaknesses
intention respond wide race doctrine academics across interference hand dual taking
regulate thinking correct downgrade punishments kind various performance downside
decade cameras reach similar monitor drones reward punishment good files design
dumping implement disciplined immediately extra lose duopoly range banned tickets
train built dynamism factors regularly criteria cities reportedly earmarked traffic
deducted affects violate basic easing targeted warning others person visits
ecological ranking felt tense ventures ecosystem create fully latter emerge exists
efficiency requiring essentials exposes legislature starting embargo center hit
satisfied lower reinforcing embassy child remains stagnant require failure
emigration bolster beginning children guardian steps endorsement help collapse
vehicle developers question entrepreneurs executive boost replacing designed
entrepreneurship container absurd charge declining envoy joins maker least street
billions equities imposed meant meeting position prepared escalation sanctioned
contractor spying getting software offering prolific competitive shared typical
ethnic ministries held march convening exemption sign post temporary obviously
enable exemptions commissions treatment fighting achieve expatriate linger sidelines
nevertheless broadens expenditures interrogating followers won freelance expertise
devouring devours foot objectively assess exporters money worst advice heard dangers
extradition mobilization keep accepting bribes together extraterritorial involves
hospitals chairperson academy sciences factional amounting chain accounting
concentrated publicity fallout deprive solve huge film team farmers overcharged
treasury true existence appearing feasibility truth family publicized rise realize
federation purchased area plummeted profile break fertility amounted figure grow
nearly stop fiscally significantly undergo registered therefore ultimately flagship
broadcasting communities external road often flotation images blockchain choose
experience deliverers forecast hour author riders forecasts lawyer operation east
rivalry consumer foreclosure fund entity gap recognition formalities eyes school
young elderly fragmentation quality wealth bubble coast franchise minority
unification chamber building special frontier publishing regulator zero partnership
belt frugality freedom rent opaque fundamentals north left famine rejuvenation tell
geopolitical minimum sufficiency fronting uncertainty ideological geopolitics
element code store guidance patriotic gigawatts unreliable gathering interest cold
coercion globalization students wine coal barley secret governor raids circulation
religious everything governors securities blacklist breach run games grassroots
protest discredited publish disciplinary session guarantee deleted prospects aging
structural redistribution guarantees sentiment bailout cash strapped safety hardline
dependency navy spy invasion french hawkish retaliate actor sponsored transnational
headwinds hack loyalty expression dismissal gang hegemony productive right language
motherland representative hinterland exile journalist dissident uncensored
interrogate homeowners bribery medicine judiciary forward tutoring hukou movement
insurance county discontent redistribute hydropower tank statistical publication
uproar epidemic releasing purchase air behind surplus illiquid direct shadow lending
currency brokers imbalance updating sharp depreciation release registration
imbalances common pandemic disobedience blockade agricultural immigration
cooperative paper process conditions robotics impasse integrated retail working fair
hunting incentives decline outsourcing negative worker incumbent carbon dealings
draw uncommonly admitted indebted profited regions disclosed exploitation
considerations indebtedness forms fee approval generating total indicator spanning
belonging disclose collected processed inflation fulfill responsibilities managing
instance inflows websites chairman alliance identified auditing infringement
ordinary limited caught explains monopolizes injection entities inquire goods
emphasizes approvals insolvency equate legality perspective approve profiting
insolvent deep seated firstly inadequate secondly instability thirdly extensive
identity breaches raise insurers awareness telegraph hasty prompted fearing
integrity leakage pose sustainable match indeed brings metropolis proposed
establishment resource interbank better implementing enhance mentioning sparked
intermediaries controversy auctioned governmental smart intervention retracted days
amid disputes claims interventions prioritize standardization alongside meet remarks
inventory possessing detailed everyone anytime anywhere inventories increase version
prior implemented mentions investigators unilaterally collect prohibit disclosing
irrigation prioritizes families enacting detrimental arise jurisdiction brief bans
weekly column blog jurisdictions edited revealing titled subordinates influences
kilometres build quest highlights worth discussion labour arts encapsulated enlarged
thousand famous landmark saw broad leftist tens millions laureate dead revived
principles cemented attribute layoffs greatest strength exercises endeavor remaining
leverage unique enshrined removal presidential symbolic liberalization underlined
authority amended defining disruption licence wonder wanted consolidate appeared
pretty licences predecessors tilt answer paranoid losing licensing ago titanic
unleashed afloat reinforce liquidation supremacy controlling task monolithic complex
lithium breathing brand stronger levers improved litigation activity integration
stifle harness agenda lobbying earlier fundamental writ inefficiencies riskier
logistics enables catastrophe shown painful lessons lockdown belief mainstay status
altered push lockdowns frames enters increased diverse situations macroeconomic
tasks translate elites redouble authoritative mainland spokesperson works explaining
redoubling partly mandate flux reminds mid comrades promised mandates captains safe
bright systematically liberated manufacturers flee prosecution subsequent given
dirty maritime scapegoats excellent denunciation repeating seem maturity hatred
extension acknowledges intrinsic foundation megacities persistence unite rely
emphasis dimension memorandum heated debates add suspicion links merger imperatives
blurring certainly makes things mergers stage words suffers domestically wolf
microchips warriors aggrieved abrasive launch migrants tirades feel hurting win
hearts militarization minds success spreading tough regardless mineral diplomatic
harm audience posted reasons mining drivers illustration finally distribute
ministerial applications constituent transferring processing payments misconduct
accompanied clear stores apps possibly mobilize feasible considering careful
countering exploits modernization flow symmetry sacrificing alternative develop
monopoly agnostic violates amendment restricting communicate moratorium truly raised
enact allows received multilateral blessing concerned manipulation merely
compensated multilateralism allowing smacks crony pledged aside municipalities
sounds donor election side expect nationalism swift entering staying named
nationalist exposure developments taken providers nationalization scraped additional
appears ambition offer negotiator scraping sensational hybrid stories confirm
neighbours perception ones buy drives immense nonperforming sometimes sensationalism
myopia overly connection normalization demonstrates sort gained moving explored
obligations foremost craft intimate recommends voices offshore tube channels
examines beef cleaning oligarchs webinars dynamic prompts plug bilateral onshore
approaches ineffective detection strategies optimism outbreak exposed alike fast
track outflows attempting urgent continental initiatives wins outreach bottom
journalists exiling mark dangerous threshold upholding liberal politicians
deterioration overcapacity erosion guiding principle encompasses ambitious overhaul
boosting behave honor quasi rituals mutual encouraged told advocated sixty
undergoing essentially namely surface supervised sorts digitized rewards creating
modern parliamentary modernized regulates almost born referred patents evading debts
defaulted liabilities committing irregularities flooding shoddy counterfeit backdrop
payroll arose follow institution extended concept peg shape recording closely
estimated expected pensions surfaced league indoctrinate learning download petitions
servants schoolteachers writings speeches morning photovoltaic lunchtime night
incentive leisure consists pledge interrelated master blacklisting municipal plenum
pooled single blacklists opposite localities pluralism allowed obedient ideal
benefits polarization traveling types airline prevented speed portfolio trust
structure overseen differences interpretations precedent approved widely operator
voluntary analyzes precondition preferences items diapers subtracted premier vary
assigned initial volunteering procurement donating blood defaulting cause classifies
productivity grades final grade promotions spheres profitability ratings prioritized
apply penalties clearly prohibition documentation leaves penalized citizen recourse
proliferation complain intentionally humiliating tones prosecutors tried photos
defaulters hindering functioning prosperity offices sites stalking bothersome
falsely protectionism accuse highly definitions offenses protectionist constantly
monitored adjusted accordance likes provinces noncompliance blacklisted jeopardize
bidding strongly provisional matter destination stating dishonesty airlines
prudential complied unison threatened regard remove purge obstacles attract
confident soft quota scenarios abides superior differ traditional quotas encompass
backfire tout successful minded ratification learn politically prove clash prepares
rationing populace compounded shifts uncertainties censors realignment quickly
interesting stick usual congratulatory rebalancing acknowledge stark ground canton
satisfaction recapitalization lowest compiled indicators fell polls reciprocity
conducted moreover assessments worsened respondents reconstruction frustration
educated average spite rapidly recovery poorly funded relies relatives pressing
redlines sluggish entry positions exacerbating wiping referendum savings pessimistic
outlook aimed stimulating refinancing supporting incomes overdue effects puffy
refinery benefit ushering inclusive eroding archived reformist member volume unusual
manage crippling bad wake rated coupon proceeds liquidity appealed contagion spread
debate rehabilitation widen securing eventually strengthen operators remittances
identify reestablish crane aims ship renewables shore gantry criticized paranoia
remotely reparations serviced programmed detail precaution threats repatriation
costs shoulder sees emanating surprised spills occupy presence vessels near shipping
giants carry brace announces resilience wall anniversary allegedly quartet
restructuring selected thirteenth investigates car makers retaliation receive
subsidies lifeline existential consistently retaliatory worsen violating consensus
spirit begs retirees considers brandy resolve remain revaluation firm enter
organizes compete hub confirmed linked indicted revelations rollout valuable
insights warnings attacks picked safeguards descriptions pitches messages reveal
hackers numerous competing pitching bureaus tools startup complaining extends hacks
suggested secessionist insight workings affiliated podcast program securitization
dump link spoke fellow introduce semiconductors questionable signs responsible bold
adopting separatism lengths emphasize seen opposition overcome settlement mania able
completely statutes liking shareholders busy unconditionally mystery inaction
weakness shipbuilding assume preventing autocrat circumvent took shortages
reshuffles upper echelons beforehand decided slowdown chiefs dismissed presumably
replacements affect smuggling newspaper knows undermine appropriating hollowing
solvency implies commitment qualitative supposed innovating sovereignty relying
drafting enforceable equal spillover repeated proposals improvements alone hoped
stagnation phrase uniquely beautiful whatever confront stakeholders toughens fight
markedly sharper ended standoff opting opposing grasp complete agency statecraft
quoted sourcing maintaining biggest claiming statism groundless accusations sides
agreed respective stockpile commitments readout lifestyle lawmakers expanded
stockpiling widening scope described vague odds subsidiaries aim prioritizing
stabilization bloggers warn broadcaster artist turned posting separate subsidy
followed urged precautions usernames avoiding successor phones questioned assistant
secretary superpower emphasizing publications manager topics articles surpluses
translated necessarily reflect views invests radio specialists convened remedial
sustainability close holders insisting investigating dealing syndicate deterrent
inspecting presidents secretaries twice tariff fan expensive involved receiving
kickbacks taxation claim investigations books unified technocrat investigate meaning
organized planned momentum technocrats serve highlighting features reminiscent
banner telecom combating waste bourgeoisie founding closer telecoms motives rectify
livelihoods cracked wiped tenure started act reaped reaping profits territorial
bluntly represents interplay seek robbing terrorism rich entitled visible wallet
takes textiles protagonist unreasonable found respectively potassium throughput
calcium tests regulatory verbally admonished tightening administratively refunded
returned overpaid inadvertently tonnes objective furthermore done nothing really
totalitarian eradicated alleviate swallowing improve methodology tourism reacted
shame surpassing surging began tradeoffs cover deaths pillar monthly stopped
trafficking publishes booming decreased extinguishing fire tribunal evaporate thin
driving peculiarities strangely turbulence deposits settlements balances
additionally basically turnout reduced earned composition portion disappearing
underemployment economist half expenditure concealed typically underwriting
institutional reserve asked transfers unilateral chaos begun holdings insiders
upheaval ending network databases vast amounts urbanization suspending visitors
journals dissertations covering utilities fields economics references initiated
review valuation concluded telecommunications orders merchants withdraw valuations
shut provides bookkeeping covered counties vetting founded register obtain headline
months viability search ranges macro general fullest volatility adage scandals chief
relied fall vulnerabilities expectations worried cyclical multi unfavorable warships
electoral fortunes potentially dictatorship watchdog ruling replaced elections
mistakes corrected whistleblower turnover threaten questioning falling cliff
wholesale rebounded bigger dilemma criticism reverse yields misguided extremely
repair repaired needs zoning met confidence competence divisions occur naturally
requires tear shake circumstances NPC admits likely situation convey aware CPPCC
hopes activists urge journalism bimonthly sells oranges webcasting becoming activate
PBOC drive balancing examining offline form CCDI collaborative pressures unstable
apparent solidarity SASAC interaction spontaneous acting shaping quarterly NDRC
enthusiastically flag expansion nations summits MOFCOM landscape crucial faces
forming organic CAC parks helping integrate promoting clusters NBS contrast judge
ask imitate WTO enabled facilitated subject constraints affected ASEAN bringing
opportunities launching models absorbed BRICS vertex circuits automotive factor
brisker G20 actively multinationals optimistic anonymous shopping NATO discusses
constructive strikes hoping noticed IMF bosses loss visibility superiors routine
jobs upward encouraging option motivation professional hopping akin customers
transforming CPI upgrade transform anticipate encourages readers PMI advance bin boy
wearing mask FDI rides bike hummingbird flash players SOE manages strictly earns
amateur harder SOEs attempted riding motorcycle kilometers walking LGFV climbing
floors earning prejudice indifference LGFVs toward warm moments leaving adequate RMB
event accident burnout stress balance AI prompting contemplate genuine oriented
equitable EV subscription reserved comments closed EVs dispute jobless wage
graduates nuclear index developer living Asia stock banking import venture standing
Asian detention chip node advanced typhoon Africa cross grid reliance African
pacific islands middle silk trap Russia unemployed gig rider food poverty Russian
livelihood fusion station sea shoal strait emissions gas environmental Japanese
recession deflation Korea managers garden transaction mortgage Korean unfinished
homes houses swap India performing loan Indian tension barrier Germany inbound
multinational environment outbound screening German equity sovereign privately
entrepreneur tycoon France mixed champion advances statistician opacity blackout
cease falsified falsification Britain core establishments dream centralization
plenary British sessions reshuffle dismiss removed Brussels faction cadre corrupt
London bribe kickback graft embezzlement embezzle Tokyo tigers flies abuse capture
opt Moscow hometown association leap historical nihilism Canberra rightist fourth
memory activist prisoner Taipei detain persecution torture enforced disappearance
Singapore speech exit church censor correspondent Vietnam blogger positive discourse
draft Philippines lawmaker judicial supreme constitutional Indonesia lawsuit counter
counterespionage holistic circuit Malaysia lithography wafer foundry hacker attack
Thailand persistent malware volt salt vulnerability Pakistan phishing border
localization broker Kazakhstan camera facial predictive policing authoritarianism
Brazil giant group webcast super algorithm Mexico technological artificial
generative robot quantum Argentina indigenous aerospace transfer select parliament
Canada evasion peninsula southeast quad Australia gulf aligned park Australian
sanction curb risking Taiwan restriction minerals earth gallium germanium Taiwanese
seeker layoff laid migrant Tibet salary overtime lying flat exam Xinjiang arrears
unpaid seekers slow Uyghur driver courier ride hailing flexible Mongolia algorithmic
shrinking birth ageing pension retirement age childcare marriage Shenzhen newborn
births doctor patient vaccine Guangdong mental clinical student double reduction
Zhejiang scholar curriculum dissertation teacher Jiangsu inequality disposable
alleviation class protester Sichuan unrest incident petition petitioner grievance
Hubei anger maintenance protests backlash villager Henan farmer agriculture
revitalization countryside grain Shandong farmland arable army armed Fujian rocket
aircraft carrier warship weapons Hainan arsenal missile exercise drills generals
Yunnan counterintelligence covert undercover militia Guangxi navigation dash line
island reunification Anhui progressive legislative umbrella minorities Hunan camp
vocational training genocide boarding Hebei neutrality peak greenhouse pollution
smog Liaoning civilization biodiversity deforestation drought flood Jilin green
renewable solar wind battery Heilongjiang oil electricity petroleum pipeline Shaanxi
shortage Shanxi Gansu Guizhou Jiangxi Chongqing Tianjin Wuhan Chengdu Hangzhou
Nanjing Xiamen Guangzhou Harbin Kunming Lanzhou Qingdao Dalian Suzhou Zhengzhou
""".split()  # noqa: SIM905
)
