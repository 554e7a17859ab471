/**
 * Small word lists the candidate extractor's rules are written with: words
 * that are never names, words that say what kind of name is near, words that
 * are noise in capitals. A capitalised "However" or "May" can look like a
 * name to anything that only sees the capital. Every list holds folded words
 * (see foldText) without trailing periods.
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
  former acting assistant associate executive special counsel prosecutor administrator envoy
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
  biotech biotechnology biopharma pharma pharmaceutical pharmaceuticals chemical chemicals trading traders
  holding holdings industries industrial logistics shipping freight forwarding cargo airlines airways
  technology technologies tech enterprise enterprises partners capital ventures investments imports exports
  manufacturing laboratories laboratory labs consulting solutions systems limited plc gmbh ag llp lp
  incorporated inc corp llc firm brokerage exchange fund trust motors media communications energy petroleum
  mining resources supplies materials garments textiles electronics
  observatory project initiative forum programme program treasury customs import export
`);

/**
 * Words of the standards register (RFC 2119's MUST, SHALL, SHOULD, MAY, NOT…)
 * and labels that documents write in capitals: never an acronym of a name.
 */
export const NORMATIVE_WORDS = words(`
  must shall should may not required recommended optional mustn't shan't shouldn't cannot
  note notes warning caution important todo fixme tip example examples see also end begin draft final
  yes no true false null none n/a tbd tba na
`);

/**
 * Names of formats, encodings and protocols that technical documents write in
 * capitals ("MIME", "XML"): things, not entities a case tracks.
 */
export const FORMAT_NAMES = words(`
  mime xml json pdf html xhtml htm css csv tsv txt rtf doc docx xls xlsx ppt pptx odt ods png jpg jpeg gif svg tif tiff
  bmp webp mp3 mp4 wav avi mov zip gz gzip tar rar utf ascii ansi unicode iso http https ftp sftp smtp imap pop tcp udp ip
  dns url uri urn api sql yaml toml ini exe dll sdk ide gui cli ui ux rss atom soap rest xsd xslt dtd wsdl base64 crlf
  lf eof bom sha md5 rsa aes tls ssl ssh pgp gpg jwt oauth saml ldap cpu gpu ram rom usb lan wan vpn wifi os
  ocr ascii eml mbox vcard ics
`);

/**
 * Verbs that open an instruction ("Check Pacific Meridian Bank for wires"):
 * at the start of a sentence or list item they are not part of the name
 * that follows. Many are nouns too, so the tagger cannot be trusted with them.
 */
export const IMPERATIVES = words(`
  check call contact ask see send email e-mail review visit read verify confirm compare note follow search find
  use pay wire transfer tell give get go let make take bring keep put meet consider examine investigate obtain
  request trace track interview subpoena look watch notify forward submit open download install run update
  attach add remove delete list identify locate map chase pull print scan file ensure cross-check flag ask
  query cite quote contact phone ring text message write draft sign pick
`);

/**
 * Lower-case words after which a capitalised name is a place: "shipped to
 * Manzanillo", "offices in Wuhan". "in" is the surest; "to" and "from" also
 * come before people ("a call from Wen Jiahui"), so they only type a name
 * nothing else types.
 */
export const PLACE_PREPOSITIONS = words(`in to from near via into across through outside inside toward towards`);

/**
 * Lower-case nouns that say what the name after them is: "the newspaper De
 * Volkskrant", "her lawyer, Sophie Martens", "broker Tomasz Wielgosz".
 */
export const ORGANIZATION_ROLES = words(`
  newspaper paper magazine broadcaster outlet publication website company firm bank lender agency group
  importer exporter forwarder supplier manufacturer distributor subsidiary affiliate consortium charity
  insurer carrier shipper exchange cartel gang organization organisation ngo startup conglomerate
`);

export const PERSON_ROLES = words(`
  lawyer attorney spokesman spokeswoman spokesperson director founder client reporter journalist analyst
  investigator prosecutor judge son daughter wife husband brother sister father mother cousin uncle aunt
  colleague businessman businesswoman accountant chemist trafficker smuggler suspect witness victim
  minister executive manager owner employee leader boss courier driver broker officer agent fellow
  professor researcher scholar economist defendant informant associate deputy
`);

/** "port of Manzanillo", "city of Wuhan": a place follows for sure. */
export const PLACE_OF_HEADS = words(`port ports city town village province state region district county municipality harbor harbour capital island islands outskirts suburbs`);

/** Last words of place names, for runs the tagger could not type: "Tijuana River". */
export const PLACE_WORDS = words(`
  avenue bay beach border canyon cape city county creek desert district gulf harbor harbour highway
  island islands isle lake mount mountain mountains ocean park peninsula port province region river
  road sea state street strait valley village
`);

/** Words that may take "of" after them in a place name: "Gulf of Mexico", "Republic of Korea". */
export const PLACE_HEADS = words(`gulf sea bay republic kingdom state city isle island cape strait province county port`);

/** Acronyms of countries: a place, though the tagger calls "U.S." an organisation. */
export const COUNTRY_ACRONYMS = words(`us usa uk uae prc dprk rok drc`);

/** All-caps words that are not names of anything a case tracks. */
export const NOT_NAME_ACRONYMS = words(`
  am pm ad bc bce ce ok tv id pdf html url ceo cfo cto coo faq usd eur gbp gdp asap fyi rsvp nb ps et pt
  est edt pst pdt cst cdt gmt utc dna ii iii iv vi vii viii ix xi xii aka vs etc ie eg re fwd
`);

/** Name suffixes that are not a surname: "Martin Luther King Jr." has surname "King". */
export const NAME_SUFFIXES = words(`jr sr ii iii iv v`);
