/**
 * Small word lists that keep the candidate extractor honest where the tagger
 * is not: compromise tags by context, so a capitalised "However" or "May" can
 * look like a name. Every list holds folded words (see foldText) without
 * trailing periods.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Never a name on their own, whatever the tagger says. */
export const PRONOUNS = words(`
  i me my mine myself you your yours yourself yourselves he him his himself she her hers herself
  it its itself we us our ours ourselves they them their theirs themselves one oneself
  this that these those who whom whose which what whatever whoever someone somebody anyone anybody
  everyone everybody nobody none noone something anything everything nothing
`);

export const MONTHS_AND_DAYS = words(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  today tomorrow yesterday
`);

/**
 * Function words and the usual sentence openers. They break a name ("Center
 * for Security" keeps its connector by another rule) and are never a
 * candidate even when capitalised at the start of a sentence.
 */
export const FUNCTION_WORDS = words(`
  a an the and or but nor so yet if then than though although because since while when where whether
  of in on at to for from by with without within into onto upon over under about above below after before
  between among through during against across along around toward towards via per as is are was were be
  been being am do does did has have had not no yes also however meanwhile moreover furthermore therefore
  thus hence instead still indeed perhaps maybe according despite unlike like including there here
  all any each every some many most more much few other another such both either neither
  officials official prosecutors authorities sources reports report experts analysts critics
`);

/**
 * Titles and roles that precede a name. Dropped from the front of a person's
 * name ("Sen. Ruben Gallego" → "Ruben Gallego"); a run of titles alone
 * ("President", "Attorney General") is not a candidate.
 */
export const TITLES = words(`
  mr mrs ms mx miss dr prof sen rep gov gen lt col maj capt cpt sgt cpl pvt adm cmdr rev fr hon amb supt
  insp det dep asst atty president vice senator representative congressman congresswoman governor
  mayor judge justice chief minister prime secretary attorney general speaker ambassador director
  commissioner chairman chairwoman chairperson chair spokesman spokeswoman spokesperson sheriff deputy
  officer agent detective inspector sergeant lieutenant captain colonel major admiral commander
  king queen prince princess pope sir dame lord lady professor doctor father sister madam
  former acting assistant associate executive special counsel prosecutor
`);

/** Abbreviated titles: followed by a period, and always mean a person follows. */
export const TITLE_ABBREVIATIONS = words(`
  mr mrs ms mx dr prof sen rep gov gen lt col maj capt cpt sgt cpl pvt adm cmdr rev fr hon amb supt insp det
`);

/** Name particles that may sit in lower case inside a name: "Vincent van Gogh". */
export const NAME_PARTICLES = words(`de da del della di du dos das van von der den bin ibn al el la le y`);

/** Lower-case words that join the parts of an institution's name: "Department of the Treasury". */
export const INSTITUTION_CONNECTORS = words(`of for on`);

/**
 * Last words of organisation names. Also the words allowed before "of"/"for"
 * ("Bank of America", "Center for Security").
 */
export const ORGANIZATION_WORDS = words(`
  administration agency association authority bank board bureau cartel center centre church club co
  college commission committee company corp corporation council court department division embassy
  federation force foundation group guard hospital house inc institute institution league llc ltd
  ministry museum network office organization organisation parliament party police press service services
  society team times tribunal union university academy army navy coalition alliance front brigade
  commonwealth consulate post journal news
`);

/** Last words of place names, for runs the tagger could not type: "Tijuana River". */
export const PLACE_WORDS = words(`
  avenue bay beach border canyon cape city county creek desert district gulf harbor harbour highway
  island islands isle lake mount mountain mountains ocean park peninsula port province region river
  road sea state street strait valley village
`);

/** Words that may take "of" after them in a place name: "Gulf of Mexico", "Republic of Korea". */
export const PLACE_HEADS = words(`gulf sea bay republic kingdom state city isle island cape strait province county`);

/** Acronyms of countries: a place, though the tagger calls "U.S." an organisation. */
export const COUNTRY_ACRONYMS = words(`us usa uk uae prc dprk rok drc`);

/** All-caps words that are not names of anything a case tracks. */
export const NOT_NAME_ACRONYMS = words(`
  am pm ad bc bce ce ok tv id pdf html url ceo cfo cto coo faq usd eur gbp gdp asap fyi rsvp nb ps et pt
  est edt pst pdt cst cdt gmt utc dna ii iii iv vi vii viii ix xi xii aka vs etc ie eg re fwd
`);

/** Name suffixes that are not a surname: "Martin Luther King Jr." has surname "King". */
export const NAME_SUFFIXES = words(`jr sr ii iii iv v`);
