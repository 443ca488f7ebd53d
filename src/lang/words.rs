//! Very common words of the Latin-script languages that get word-level evidence.
//!
//! Trigram profiles need a few dozen characters before they separate English from French or
//! Spanish; one or two function words settle most short fragments. The lists hold closed-class
//! words (articles, pronouns, prepositions, conjunctions, auxiliaries) and a few of the most
//! frequent adverbs and verbs, lower-cased. A word may belong to several languages (`a`, `de`,
//! `la`); it then counts for each of them and the other evidence decides.

/// The languages with a word list, in bit order. Codes are ISO 639-1.
pub(crate) const TABLE_LANGS: [&str; 7] = ["en", "fr", "de", "es", "it", "pt", "nl"];

/// English.
pub(crate) const EN: &str = "\
    the a an and or but of to in on at by for with from about as into than that this these \
    those there their they them he she it its his her him we us our you your i me my is are \
    was were be been being am have has had do does did done not no will would can could should \
    shall may might must what which who whom whose when where why how if so all any some more \
    most many much very just also only then out up down over after before because while said \
    says say one two three new like well even now other such own between during through under \
    against again still yet here get got make made go going went know think people time year \
    years first last too off back each every both few never always often ago around since \
    until without within among per whether though although however something nothing anything \
    everything someone anyone way day man men woman women good great little old big long see \
    come take took want give use used find tell told ask work call called try need feel become \
    leave put mean keep let begin seem help show hear play run move live believe world life \
    child children home school family government company next early young important public \
    same able yes";

/// French.
pub(crate) const FR: &str = "\
    le la les un une des du de et ou mais donc or ni car que qui quoi dont où ce cet cette ces \
    ça il ils elle elles on je tu nous vous me te se lui leur leurs eux moi toi soi mon ma mes \
    ton ta tes son sa ses notre nos votre vos est sont était étaient être été suis es sommes \
    êtes ont avait avaient avoir ai as a à avons avez eu fait faire fais dans sur sous avec \
    sans pour par chez entre vers depuis pendant après avant contre pas ne plus moins très \
    bien aussi encore toujours jamais rien tout tous toute toutes si comme quand alors puis \
    même autre autres aux au y en non oui peu trop déjà ici là ainsi cela ceci celui celle \
    ceux quel quelle quels quelles quelque va vais vont allé aller peut peux pouvait dit dire \
    deux trois bon bonne voilà parce beaucoup chose personne fois monde homme femme jour ans \
    année temps vie tête main seul seule petit petite grand grande mieux veux veut voulait \
    sais sait savoir faut fallait vu voir vois dois doit pourquoi comment combien maintenant \
    enfin vraiment hier demain lorsque puisque selon chaque monsieur madame merci eh hein";

/// German.
pub(crate) const DE: &str = "\
    der die das den dem des ein eine einer einen einem eines und oder aber nicht kein keine \
    keinen ist sind war waren wird werden wurde wurden hat haben hatte hatten habe bin bist \
    sein seine seinen ihr ihre ihren ich du er sie es wir mich mir dich dir sich uns euch ihm \
    ihn ihnen mit von vom zu zum zur im in ins an am auf aus bei beim nach für über unter vor \
    durch gegen ohne um bis seit auch noch schon nur sehr so wie was wer wo wann warum dass \
    daß wenn weil als ob man dieser diese dieses diesen hier dort da dann jetzt immer alle \
    alles viel viele mehr kann können konnte muss müssen soll sollte will wollte gibt ja nein \
    doch mal etwas nichts heute zwei drei gut ganz sagte sagt einmal wieder damit denn sondern \
    zwischen während wegen unsere unser mein meine dein deine jahr jahre jahren zeit leben \
    welt mann frau kinder geht gehen machen macht kommen kommt sehen neue neuen heißt weiter \
    bereits selbst ab herr";

/// Spanish.
pub(crate) const ES: &str = "\
    el la los las lo un una unos unas y o pero que de del al a en con por para sin sobre entre \
    hasta desde contra es son está están estaba era fue fueron ser estar sido ha han hay había \
    he hemos se no sí si su sus mi mis tu tus yo él ella ellos ellas nosotros usted ustedes le \
    les me te nos como más muy ya también cuando donde porque qué quién cómo cuál este esta \
    estos estas ese esa esos esas eso esto todo todos toda todas otro otra otros puede pueden \
    tiene tienen tengo hace dijo dice año años bien así ahora aquí entonces sólo solo mucho \
    muchos nada algo nunca siempre después antes durante según cada dos tres vez veces día \
    vida mundo hombre mujer gobierno país parte gran mismo misma sino ni aunque mientras \
    quiero creo gracias señor hola pues vamos";

/// Italian.
pub(crate) const IT: &str = "\
    il lo la i gli le un uno una di del della dei delle degli dello a al alla ai alle da dal \
    dalla in nel nella nei con su sul sulla per tra fra e ed o ma che chi non è sono era erano \
    essere stato stata ha hanno ho hai abbiamo avere si mi ti ci vi ne lui lei loro noi voi io \
    tu suo sua suoi sue mio mia questo questa questi quello quella come più anche molto già \
    ancora sempre quando dove perché così tutto tutti tutta poi se cosa fatto solo ogni dopo \
    prima oggi anni anno due tre senza mai niente qualcosa allora quindi però grazie sì bene \
    fare detto dice può deve vuole nostro";

/// Portuguese.
pub(crate) const PT: &str = "\
    o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para \
    com sem e ou mas que não é são foi foram era ser estar está estão tem têm ter há se eu ele \
    ela eles elas você vocês nós seu sua seus suas meu minha este esta isso isto esse essa \
    como mais muito muita também já ainda quando onde porque então tudo todos todo toda ao aos \
    à às num numa disse diz sobre entre depois antes até desde anos ano dois três vez sim bem \
    aqui agora sempre nunca nada coisa pode podem fazer feito lhe lhes me te nosso nossa \
    obrigado governo país mesmo outro outra cada";

/// Dutch.
pub(crate) const NL: &str = "\
    de het een en of maar van in op te met voor aan bij uit door over naar om tot is zijn was \
    waren wordt werd worden heeft hebben had ik je jij hij zij ze we wij u niet geen ook nog \
    al wel er dat die dit deze wat wie waar hoe als dan omdat zo zeer heel kan kunnen moet \
    moeten zal zou zouden veel meer hier daar nu mijn haar hun ons onze jullie men iets niets \
    alles toen na tegen zonder tussen jaar jaren twee drie nieuwe goed gaat gaan komt komen \
    zegt zei ja nee weer toch even";

/// Word lists in [`TABLE_LANGS`] order, words separated by spaces.
pub(crate) const LISTS: [&str; 7] = [EN, FR, DE, ES, IT, PT, NL];
