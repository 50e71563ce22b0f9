// Content of the demo competition, modelled on the Casablanca Smart City congress (7th edition,
// June 2023). Every startup, person, email and domain below is fictional; domains end in `.example`.
// Pure data plus one deterministic generator (round-1 scores): no imports, no I/O, no clock.

export type DemoLang = 'fr' | 'en' | 'ar';
export type Translated = Record<DemoLang, string>;
export type CriterionCode = 'innovation' | 'impact' | 'feasibility' | 'market' | 'team' | 'pitch';

export interface DemoAxis {
  code: string;
  /** Hex bar colour, distinct per axis, contrast >= 4.5:1 on white. */
  color: string;
  labels: Translated;
}

export interface DemoCriterion {
  code: CriterionCode;
  weight: number;
  labels: Translated;
  /** Exactly 10 descriptions per language; index 0 = level 1 (worst), index 9 = level 10 (best). */
  levels: Record<DemoLang, string[]>;
}

export interface DemoEntrant {
  name: string;
  axis: string;
  founders: string;
  pitch: string;
  contactEmail: string;
}

export interface DemoJuror {
  name: string;
  email: string;
  title: string;
  isChair: boolean;
}

export interface DemoConflict {
  jurorEmail: string;
  entrantName: string;
  reason: string;
}

export interface DemoScoreSheet {
  jurorEmail: string;
  entrantName: string;
  scores: Record<CriterionCode, number>;
}

export const demoCompetition = {
  name: 'Casablanca Smart City 2023',
  startsOn: '2023-06-13',
  endsOn: '2023-06-15',
  venue: 'Casablanca',
  languages: ['fr', 'en', 'ar'] as const,
  defaultLanguage: 'fr' as const,
};

export const demoOrganiser = {
  name: 'Nadia El Idrissi',
  email: 'organisateur@palmares.example',
  password: 'casablanca2023',
};

// ---------------------------------------------------------------------------------------------
// Theme axes
// ---------------------------------------------------------------------------------------------

export const demoAxes: DemoAxis[] = [
  {
    code: 'governance',
    color: '#1d4ed8',
    labels: {
      fr: 'Gouvernance smart',
      en: 'Smart governance',
      ar: 'الحكامة الذكية',
    },
  },
  {
    code: 'social',
    color: '#b45309',
    labels: {
      fr: 'Systèmes sociaux et communautaires',
      en: 'Social and community systems',
      ar: 'الأنظمة الاجتماعية والمجتمعية',
    },
  },
  {
    code: 'infrastructure',
    color: '#6d28d9',
    labels: {
      fr: "Systèmes d'infrastructure",
      en: 'Infrastructure systems',
      ar: 'أنظمة البنية التحتية',
    },
  },
  {
    code: 'services',
    color: '#be185d',
    labels: {
      fr: 'Services smart',
      en: 'Smart services',
      ar: 'الخدمات الذكية',
    },
  },
  {
    code: 'ecology',
    color: '#047857',
    labels: {
      fr: 'Écologie, environnement et développement durable',
      en: 'Ecology, environment and sustainable development',
      ar: 'الإيكولوجيا والبيئة والتنمية المستدامة',
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Rubric: six criteria, weights summing to 100, scale 1–10 described level by level
// ---------------------------------------------------------------------------------------------

export const demoCriteria: DemoCriterion[] = [
  {
    code: 'innovation',
    weight: 25,
    labels: { fr: 'Innovation', en: 'Innovation', ar: 'الابتكار' },
    levels: {
      fr: [
        "Aucune nouveauté : copie d'une offre existante",
        'Idée très répandue, sans élément distinctif',
        'Variante mineure de solutions déjà disponibles',
        'Quelques touches nouvelles, mais peu différenciantes',
        "Adaptation utile d'une idée connue au contexte local",
        'Approche nouvelle sur un point clé du problème',
        'Solution nettement différenciée des offres existantes',
        'Approche originale, difficile à copier rapidement',
        "Innovation forte, technique ou d'usage, avec peu d'équivalents",
        'Rupture : redéfinit la façon de traiter le problème',
      ],
      en: [
        'No novelty: a copy of an existing offer',
        'Very common idea with nothing distinctive',
        'Minor variant of solutions already available',
        'A few new touches, but little differentiation',
        'Useful adaptation of a known idea to the local context',
        'New approach on one key aspect of the problem',
        'Clearly differentiated from existing offers',
        'Original approach, hard to copy quickly',
        'Strong technical or usage innovation with few equivalents',
        'Breakthrough: redefines how the problem is tackled',
      ],
      ar: [
        'لا جديد: نسخة من عرض قائم',
        'فكرة شائعة جدًا بلا أي عنصر مميِّز',
        'تنويع طفيف على حلول متوفرة أصلًا',
        'بعض اللمسات الجديدة لكن التميّز ضعيف',
        'تكييف مفيد لفكرة معروفة مع السياق المحلي',
        'مقاربة جديدة في جانب أساسي من المشكلة',
        'حل متميّز بوضوح عن العروض القائمة',
        'مقاربة أصيلة يصعب تقليدها بسرعة',
        'ابتكار قوي تقنيًا أو في الاستخدام، ونظائره قليلة',
        'قطيعة: يعيد تعريف طريقة معالجة المشكلة',
      ],
    },
  },
  {
    code: 'impact',
    weight: 20,
    labels: { fr: 'Impact pour la ville', en: 'Impact on the city', ar: 'الأثر على المدينة' },
    levels: {
      fr: [
        'Aucun bénéfice identifiable pour la ville ou ses habitants',
        'Bénéfice marginal, pour très peu de personnes',
        'Bénéfice réel mais limité à un public restreint',
        'Impact modeste, mal mesuré ou incertain',
        'Impact local clair sur un quartier ou un service',
        'Impact mesurable sur un problème urbain reconnu',
        'Impact significatif, suivi par des indicateurs',
        "Impact fort à l'échelle de plusieurs quartiers",
        "Impact majeur et démontré à l'échelle de la ville",
        'Transformation durable de la vie urbaine, reproductible ailleurs',
      ],
      en: [
        'No identifiable benefit for the city or its residents',
        'Marginal benefit for very few people',
        'Real benefit but limited to a narrow group',
        'Modest impact, poorly measured or uncertain',
        'Clear local impact on one district or service',
        'Measurable impact on a recognised urban problem',
        'Significant impact, tracked with indicators',
        'Strong impact across several districts',
        'Major, demonstrated impact at city scale',
        'Lasting change to urban life, replicable elsewhere',
      ],
      ar: [
        'لا فائدة واضحة للمدينة أو لسكانها',
        'فائدة هامشية لعدد قليل جدًا من الناس',
        'فائدة حقيقية لكنها محصورة في فئة ضيقة',
        'أثر متواضع، غير مقيس جيدًا أو غير مؤكد',
        'أثر محلي واضح على حي أو خدمة',
        'أثر قابل للقياس على مشكلة حضرية معروفة',
        'أثر ملموس تتابعه مؤشرات محددة',
        'أثر قوي يشمل عدة أحياء',
        'أثر كبير ومُثبَت على مستوى المدينة',
        'تحوّل دائم في الحياة الحضرية، قابل للتكرار في مدن أخرى',
      ],
    },
  },
  {
    code: 'feasibility',
    weight: 15,
    labels: { fr: 'Faisabilité', en: 'Feasibility', ar: 'قابلية التنفيذ' },
    levels: {
      fr: [
        "Irréalisable en l'état : obstacles techniques ou légaux bloquants",
        'Hypothèses irréalistes, aucune piste de réalisation',
        'Nombreux obstacles majeurs restés sans réponse',
        'Faisable en théorie, mais plan flou et ressources absentes',
        'Plan crédible, mais risques importants non traités',
        'Plan réaliste ; principaux risques identifiés',
        'Prototype fonctionnel, risques en partie maîtrisés',
        'Pilote en cours, feuille de route et budget solides',
        "Déployé sur le terrain, passage à l'échelle planifié",
        'Opérationnel à grande échelle, risques maîtrisés',
      ],
      en: [
        'Infeasible as is: blocking technical or legal obstacles',
        'Unrealistic assumptions, no path to delivery',
        'Many major obstacles left unanswered',
        'Feasible in theory, but vague plan and no resources',
        'Credible plan, but major risks not addressed',
        'Realistic plan; main risks identified',
        'Working prototype, risks partly under control',
        'Pilot under way, solid roadmap and budget',
        'Deployed in the field, scale-up planned',
        'Operating at scale, risks under control',
      ],
      ar: [
        'غير قابل للتنفيذ حاليًا: عوائق تقنية أو قانونية حاسمة',
        'فرضيات غير واقعية ولا مسار واضح للإنجاز',
        'عوائق كبيرة عديدة بقيت بلا حلول',
        'ممكن نظريًا لكن الخطة غامضة والموارد غائبة',
        'خطة ذات مصداقية لكن مخاطر كبيرة غير معالَجة',
        'خطة واقعية مع تحديد المخاطر الرئيسية',
        'نموذج أولي يعمل، والمخاطر متحكَّم فيها جزئيًا',
        'تجربة ميدانية جارية، وخارطة طريق وميزانية متينتان',
        'منتشر ميدانيًا، مع خطة واضحة للتوسع',
        'يعمل على نطاق واسع والمخاطر متحكَّم فيها',
      ],
    },
  },
  {
    code: 'market',
    weight: 15,
    labels: {
      fr: 'Marché et modèle économique',
      en: 'Market and business model',
      ar: 'السوق والنموذج الاقتصادي',
    },
    levels: {
      fr: [
        'Aucun client ni modèle de revenus identifié',
        'Marché supposé, sans aucune validation',
        'Clients cibles vagues, modèle économique absent',
        'Marché identifié, mais taille et prix non étudiés',
        'Clients cibles clairs, modèle de revenus à valider',
        'Marché chiffré, premiers échanges avec des clients',
        "Premiers clients ou lettres d'intention, prix testé",
        'Revenus récurrents, modèle économique validé',
        'Forte traction, marges saines, marché en croissance',
        'Leader potentiel, modèle rentable et exportable',
      ],
      en: [
        'No customer or revenue model identified',
        'Assumed market with no validation at all',
        'Vague target customers, no business model',
        'Market identified, but size and pricing not studied',
        'Clear target customers, revenue model yet to validate',
        'Market sized, first conversations with customers',
        'First customers or letters of intent, price tested',
        'Recurring revenue, validated business model',
        'Strong traction, healthy margins, growing market',
        'Potential leader with a profitable, exportable model',
      ],
      ar: [
        'لا زبائن ولا نموذج إيرادات محدَّد',
        'سوق مفترَضة دون أي تحقق',
        'زبائن مستهدَفون غير واضحين ولا نموذج اقتصادي',
        'سوق محدَّدة لكن حجمها وأسعارها غير مدروسة',
        'زبائن مستهدَفون واضحون ونموذج إيرادات قيد التحقق',
        'سوق مقدَّرة بالأرقام وأولى اللقاءات مع الزبائن',
        'أوائل الزبائن أو رسائل نوايا، والسعر مختبَر',
        'إيرادات متكررة ونموذج اقتصادي مُثبَت',
        'إقبال قوي وهوامش سليمة وسوق في نمو',
        'رائد محتمل بنموذج مربح وقابل للتصدير',
      ],
    },
  },
  {
    code: 'team',
    weight: 15,
    labels: { fr: 'Équipe', en: 'Team', ar: 'الفريق' },
    levels: {
      fr: [
        'Porteur isolé, sans compétence clé pour le projet',
        'Compétences très insuffisantes, aucune expérience du secteur',
        'Lacunes majeures, sans plan pour les combler',
        'Équipe incomplète, engagement à temps partiel',
        'Compétences de base réunies, quelques manques',
        'Équipe complémentaire et engagée sur le projet',
        'Équipe solide, avec une expérience du secteur',
        'Équipe expérimentée, rôles clairs, bons partenaires',
        "Équipe remarquable, déjà capable d'exécuter vite",
        "Équipe exceptionnelle et complète, crédible pour passer à l'échelle",
      ],
      en: [
        'Lone founder lacking any key skill for the project',
        'Very insufficient skills, no sector experience',
        'Major gaps with no plan to fill them',
        'Incomplete team, part-time commitment',
        'Core skills present, a few gaps',
        'Complementary team, committed to the project',
        'Solid team with sector experience',
        'Experienced team, clear roles, good partners',
        'Outstanding team, already able to execute fast',
        'Exceptional, complete team, credible for scale-up',
      ],
      ar: [
        'مؤسس منفرد يفتقر إلى أي كفاءة أساسية للمشروع',
        'كفاءات غير كافية إطلاقًا ولا خبرة في القطاع',
        'ثغرات كبيرة دون خطة لسدّها',
        'فريق غير مكتمل والتزام جزئي',
        'الكفاءات الأساسية متوفرة مع بعض النقص',
        'فريق متكامل وملتزم بالمشروع',
        'فريق متين ذو خبرة في القطاع',
        'فريق متمرّس بأدوار واضحة وشركاء جيدين',
        'فريق لافت، قادر منذ الآن على التنفيذ بسرعة',
        'فريق استثنائي ومكتمل، جدير بالثقة للتوسع',
      ],
    },
  },
  {
    code: 'pitch',
    weight: 10,
    labels: { fr: 'Qualité du pitch', en: 'Pitch quality', ar: 'جودة العرض' },
    levels: {
      fr: [
        'Incompréhensible : le projet reste obscur',
        'Confus, désorganisé, hors du temps imparti',
        'Message difficile à suivre, nombreuses hésitations',
        'Compréhensible mais peu structuré',
        "Clair dans l'ensemble, mais peu convaincant",
        'Structuré et clair, réponses correctes aux questions',
        "Convaincant, bien rythmé, chiffres à l'appui",
        'Très convaincant, réponses précises au jury',
        'Remarquable : clair, vivant, parfaitement minuté',
        'Exemplaire : captivant, limpide, questions pleinement maîtrisées',
      ],
      en: [
        'Incomprehensible: the project remains unclear',
        'Confused, disorganised, over time',
        'Hard to follow, many hesitations',
        'Understandable but poorly structured',
        'Broadly clear, but not very convincing',
        'Structured and clear, sound answers to questions',
        'Convincing, well paced, backed by figures',
        'Very convincing, precise answers to the jury',
        'Remarkable: clear, lively, perfectly timed',
        'Exemplary: captivating, crystal clear, full command of Q&A',
      ],
      ar: [
        'غير مفهوم: يبقى المشروع غامضًا',
        'مرتبك وغير منظَّم ويتجاوز الوقت المحدد',
        'رسالة يصعب تتبّعها مع تردد كثير',
        'مفهوم لكنه ضعيف البنية',
        'واضح إجمالًا لكنه قليل الإقناع',
        'منظَّم وواضح، مع أجوبة سليمة عن الأسئلة',
        'مقنع وجيد الإيقاع ومدعوم بالأرقام',
        'مقنع جدًا، مع أجوبة دقيقة للجنة التحكيم',
        'لافت: واضح وحيوي ومضبوط التوقيت تمامًا',
        'نموذجي: آسر وشديد الوضوح مع تحكم تام في الأسئلة',
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Entrants: 24 fictional startups (5 + 5 + 4 + 5 + 5)
// ---------------------------------------------------------------------------------------------

export const demoEntrants: DemoEntrant[] = [
  // --- governance (5)
  {
    name: 'Majliss Open',
    axis: 'governance',
    founders: 'Ghita Lahlou, Mehdi Sqalli',
    pitch:
      "Les habitants de Casablanca participent peu aux choix d'investissement de leur arrondissement, faute d'information et de canal simple. Majliss Open est une plateforme de budget participatif : les résidents proposent, discutent et votent des micro-projets, en français comme en darija. Un pilote dans deux arrondissements a réuni 4 200 votants et financé 11 projets de proximité.",
    contactEmail: 'contact@majlissopen.example',
  },
  {
    name: 'Baladiya Track',
    axis: 'governance',
    founders: 'Omar Tazi',
    pitch:
      "Nids-de-poule, lampadaires éteints, dépôts sauvages : les signalements se perdent entre services et les habitants ne savent jamais ce qu'ils deviennent. Baladiya Track centralise les signalements géolocalisés, les oriente vers le bon service et affiche publiquement les délais de traitement. En six mois de test, 2 700 signalements ont été traités, avec un délai moyen passé de 19 à 8 jours.",
    contactEmail: 'hello@baladiyatrack.example',
  },
  {
    name: 'DocuMairie',
    axis: 'governance',
    founders: 'Khadija Berrada, Anas El Fassi',
    pitch:
      "Obtenir un extrait d'état civil ou une légalisation de signature impose souvent plusieurs heures de file d'attente. DocuMairie propose la prise de rendez-vous en ligne, le suivi des dossiers par SMS et un tableau de bord d'affluence pour les agents. Trois bureaux pilotes ont réduit l'attente moyenne de 2 h 10 à 35 minutes.",
    contactEmail: 'contact@documairie.example',
  },
  {
    name: 'Civiq Data',
    axis: 'governance',
    founders: 'Rania Chraibi, Karim Ouazzani, Hamza Bennis',
    pitch:
      "Les données de la ville (transports, budgets, équipements) existent mais restent dispersées et inexploitables par les citoyens comme par les décideurs. Civiq Data les nettoie, les publie en open data et construit des tableaux de bord pour les élus. Deux collectivités de la région ont signé une convention et 140 jeux de données sont déjà en ligne.",
    contactEmail: 'team@civiqdata.example',
  },
  {
    name: 'Sawt Lhay',
    axis: 'governance',
    founders: 'Imane Kettani',
    pitch:
      "Les consultations publiques touchent surtout les habitants déjà connectés et francophones. Sawt Lhay organise des consultations de quartier par SMS et messages vocaux en darija, accessibles sans smartphone. Une première consultation sur le réaménagement d'une place à Hay Hassani a recueilli 1 300 avis, dont 40 % de personnes de plus de 50 ans.",
    contactEmail: 'contact@sawtlhay.example',
  },
  // --- social (5)
  {
    name: 'Dar Tadamon',
    axis: 'social',
    founders: 'Meryem Alaoui, Ayoub Naciri',
    pitch:
      "Dans l'ancienne médina, de nombreuses personnes âgées vivent seules et sans aide pour leurs courses ou leurs rendez-vous médicaux. Dar Tadamon met en relation des bénévoles vérifiés du quartier avec ces aînés, via une application et une ligne téléphonique. 320 bénévoles accompagnent déjà 510 personnes âgées chaque mois.",
    contactEmail: 'contact@dartadamon.example',
  },
  {
    name: 'Skill Derb',
    axis: 'social',
    founders: 'Zakaria Filali, Houda Benkirane',
    pitch:
      "À Sidi Moumen, beaucoup de jeunes sans diplôme ni emploi ne trouvent pas de formation adaptée près de chez eux. Skill Derb propose des formations courtes (logistique, maintenance, relation client) co-construites avec des employeurs qui s'engagent à recruter. Sur les 180 premiers jeunes formés, 62 % ont signé un contrat dans les trois mois.",
    contactEmail: 'bonjour@skillderb.example',
  },
  {
    name: 'Mama Care Link',
    axis: 'social',
    founders: 'Leila Mansouri, Soukaina Bouzid',
    pitch:
      "Dans les quartiers périphériques, le suivi de grossesse est irrégulier et les rendez-vous prénataux sont souvent manqués. Mama Care Link envoie des rappels et conseils personnalisés par SMS vocal en darija et alerte la sage-femme en cas de signe de risque. Avec deux centres de santé partenaires, la présence aux consultations prénatales est passée de 48 % à 71 %.",
    contactEmail: 'contact@mamacarelink.example',
  },
  {
    name: 'Inclusi Map',
    axis: 'social',
    founders: 'Adil Cherkaoui',
    pitch:
      "Trottoirs encombrés, arrêts sans rampe, bâtiments publics inaccessibles : les personnes à mobilité réduite renoncent à de nombreux déplacements. Inclusi Map cartographie l'accessibilité de la ville de façon collaborative et calcule des itinéraires adaptés. 6 000 lieux ont été cartographiés avec deux associations, et la carte sert déjà à prioriser des travaux de voirie.",
    contactEmail: 'contact@inclusimap.example',
  },
  {
    name: 'Hay Kids Lab',
    axis: 'social',
    founders: 'Nora Essaidi, Yassine Belhaj',
    pitch:
      "Les enfants des quartiers populaires ont rarement accès à des activités scientifiques ou numériques hors de l'école. Hay Kids Lab installe des ateliers mobiles de robotique et de programmation dans les maisons de jeunes, animés par des étudiants ingénieurs. 900 enfants ont participé la première année, dans six maisons de jeunes.",
    contactEmail: 'hello@haykidslab.example',
  },
  // --- infrastructure (4)
  {
    name: 'Madar Water',
    axis: 'infrastructure',
    founders: 'Reda Benchekroun, Samir Lamrani',
    pitch:
      "Une part importante de l'eau potable distribuée se perd dans des fuites invisibles du réseau. Madar Water pose des capteurs acoustiques sur les conduites et localise les fuites à quelques mètres près grâce à un modèle d'apprentissage automatique. Sur 40 km de réseau pilote, 57 fuites ont été détectées et les pertes ont baissé de 14 %.",
    contactEmail: 'contact@madarwater.example',
  },
  {
    name: 'Pont Sense',
    axis: 'infrastructure',
    founders: 'Hind Tahiri, Othmane Guessous',
    pitch:
      "Les ponts et trémies de la ville sont inspectés visuellement, rarement et sans historique exploitable. Pont Sense installe des capteurs de vibration et de fissuration qui suivent en continu l'état des ouvrages et priorisent la maintenance. Un premier ouvrage est instrumenté depuis huit mois en partenariat avec un laboratoire universitaire.",
    contactEmail: 'contact@pontsense.example',
  },
  {
    name: 'Lumina Derb',
    axis: 'infrastructure',
    founders: 'Amine Bouazza',
    pitch:
      "L'éclairage public pèse lourd dans la facture énergétique de la commune et de nombreuses ruelles restent mal éclairées. Lumina Derb transforme les lampadaires existants en points lumineux LED pilotés à distance, qui s'adaptent à la présence des piétons. Un quartier test de 350 points lumineux a réduit sa consommation de 58 %.",
    contactEmail: 'contact@luminaderb.example',
  },
  {
    name: 'GridNa',
    axis: 'infrastructure',
    founders: 'Sara Ziani, Tarik Hajji, Nabil Ouali',
    pitch:
      "Dans les résidences de logement social, les coupures et les factures d'électricité imprévisibles pèsent sur les ménages modestes. GridNa déploie des compteurs intelligents partagés et un micro-réseau solaire de copropriété, avec une application de suivi de consommation. Une première résidence de 120 logements est équipée et les factures ont baissé de 22 % en moyenne.",
    contactEmail: 'contact@gridna.example',
  },
  // --- services (5)
  {
    name: 'Tobis Live',
    axis: 'services',
    founders: 'Ilyas Benmoussa, Kenza Rami',
    pitch:
      "Attendre un bus sans savoir quand il passera décourage les usagers des transports publics. Tobis Live combine des boîtiers GPS embarqués et les signalements des voyageurs pour afficher en temps réel les arrivées des bus et des grands taxis. L'application compte 38 000 utilisateurs actifs par mois sur douze lignes.",
    contactEmail: 'contact@tobislive.example',
  },
  {
    name: 'Parki Casa',
    axis: 'services',
    founders: 'Mouad Skalli',
    pitch:
      "Au Maârif et au centre-ville, les automobilistes tournent en moyenne un quart d'heure pour se garer, ce qui aggrave les embouteillages. Parki Casa équipe les places de capteurs et guide les conducteurs vers une place libre, avec paiement mobile. Un pilote de 400 places est en préparation avec un gestionnaire de stationnement.",
    contactEmail: 'contact@parkicasa.example',
  },
  {
    name: 'Qoffa Go',
    axis: 'services',
    founders: 'Siham Ouchen, Driss Mekouar',
    pitch:
      "Les camionnettes de livraison saturent les rues étroites et polluent les quartiers commerçants. Qoffa Go regroupe les livraisons du dernier kilomètre dans des micro-hubs de quartier et les achève en vélos cargos électriques. Quatre cents colis sont livrés chaque jour pour 25 commerçants, avec une baisse estimée de 9 tonnes de CO2 par an.",
    contactEmail: 'contact@qoffago.example',
  },
  {
    name: 'Sahti Queue',
    axis: 'services',
    founders: 'Hajar Benali, Mehdi Rifai',
    pitch:
      "Dans les centres de santé publics, les patients arrivent avant l'aube pour obtenir un ticket, sans garantie d'être reçus. Sahti Queue propose une file d'attente virtuelle par SMS et un pré-triage des motifs de consultation pour orienter chaque patient. Dans trois centres pilotes, l'attente sur place a été divisée par trois.",
    contactEmail: 'contact@sahtiqueue.example',
  },
  {
    name: 'Bab Pay',
    axis: 'services',
    founders: 'Walid Kadiri, Asmae Idrissi',
    pitch:
      "Tramway, busway, stationnement et services municipaux utilisent chacun leur propre moyen de paiement. Bab Pay propose un portefeuille unique, sur carte sans contact ou téléphone, rechargeable chez les commerçants de proximité. Le prototype fonctionne et des discussions sont ouvertes avec un opérateur de transport.",
    contactEmail: 'contact@babpay.example',
  },
  // --- ecology (5)
  {
    name: 'Shams Rooftop',
    axis: 'ecology',
    founders: 'Yasmine Benabdellah, Hicham Zerouali',
    pitch:
      "Les toits des écoles publiques restent inutilisés alors que leurs factures d'électricité grèvent les budgets. Shams Rooftop installe des centrales solaires sur ces toits, financées par des contrats de performance énergétique sans investissement initial pour l'établissement. Huit écoles sont équipées et couvrent en moyenne 65 % de leur consommation.",
    contactEmail: 'contact@shamsrooftop.example',
  },
  {
    name: 'Green Derb',
    axis: 'ecology',
    founders: 'Fatima-Zahra Lazrak',
    pitch:
      "Casablanca manque d'espaces verts et les îlots de chaleur se multiplient dans les quartiers denses. Green Derb transforme des terrains vagues en micro-forêts urbaines plantées d'espèces locales, entretenues avec les habitants. Cinq micro-forêts ont été plantées et la température au sol mesurée y est inférieure de 4 °C aux rues voisines.",
    contactEmail: 'contact@greenderb.example',
  },
  {
    name: "Recycl'Ma",
    axis: 'ecology',
    founders: 'Badr Naji, Loubna Saadi',
    pitch:
      "Les bouteilles en plastique finissent en décharge ou dans l'océan, faute de collecte séparée. Recycl'Ma installe des machines de consigne qui récompensent chaque bouteille rapportée par du crédit téléphonique ou des titres de transport. Les 30 machines installées dans des supermarchés et des universités ont collecté 1,2 million de bouteilles.",
    contactEmail: 'contact@recyclma.example',
  },
  {
    name: 'AirCasa Sense',
    axis: 'ecology',
    founders: 'Ismail Ghazi',
    pitch:
      "Les riverains des zones industrielles d'Aïn Sebaâ n'ont aucune information fiable sur la qualité de l'air qu'ils respirent. AirCasa Sense déploie un réseau de capteurs à bas coût et publie une carte de la pollution mise à jour toutes les heures. Vingt capteurs sont installés, étalonnés avec une station de référence universitaire.",
    contactEmail: 'contact@aircasasense.example',
  },
  {
    name: 'Compost Lbled',
    axis: 'ecology',
    founders: 'Najat Belkadi, Rachid Moutaouakil',
    pitch:
      "Les marchés de gros et les souks produisent chaque jour des tonnes de déchets organiques envoyés en décharge. Compost Lbled les collecte, les composte sur une plateforme périurbaine et revend le compost aux pépinières et aux fermes urbaines. La plateforme traite 6 tonnes par jour et deux marchés sont sous contrat.",
    contactEmail: 'contact@compostlbled.example',
  },
];

// ---------------------------------------------------------------------------------------------
// Jury: eight fictional jurors, one chair
// ---------------------------------------------------------------------------------------------

export const demoJurors: DemoJuror[] = [
  {
    name: 'Karima Benslimane',
    email: 'karima.benslimane@jury.example',
    title: "Directrice de l'innovation, agence de développement urbain",
    isChair: true,
  },
  {
    name: 'Hassan Ouakrim',
    email: 'hassan.ouakrim@jury.example',
    title: "Associé, fonds d'amorçage",
    isChair: false,
  },
  {
    name: 'Laila Fassi-Fihri',
    email: 'laila.fassifihri@jury.example',
    title: "Professeure d'urbanisme, école d'architecture",
    isChair: false,
  },
  {
    name: 'Mehdi Chaoui',
    email: 'mehdi.chaoui@jury.example',
    title: "Ingénieur en chef, régie des réseaux d'eau et d'électricité",
    isChair: false,
  },
  {
    name: 'Sophie Marchand',
    email: 'sophie.marchand@jury.example',
    title: 'Consultante en villes intelligentes',
    isChair: false,
  },
  {
    name: 'Abdelilah Rhazi',
    email: 'abdelilah.rhazi@jury.example',
    title: "Entrepreneur, fondateur d'une scale-up de mobilité",
    isChair: false,
  },
  {
    name: 'Zineb Hamdouchi',
    email: 'zineb.hamdouchi@jury.example',
    title: "Responsable RSE d'un groupe bancaire",
    isChair: false,
  },
  {
    name: 'Omar Sefrioui',
    email: 'omar.sefrioui@jury.example',
    title: "Directeur des systèmes d'information d'une collectivité",
    isChair: false,
  },
];

// Three conflicts, each on a different entrant: no entrant loses more than one juror.
export const demoConflicts: DemoConflict[] = [
  {
    jurorEmail: 'mehdi.chaoui@jury.example',
    entrantName: 'Madar Water',
    reason: 'Son service supervise le pilote de détection de fuites de la startup',
  },
  {
    jurorEmail: 'abdelilah.rhazi@jury.example',
    entrantName: 'Tobis Live',
    reason: "Ancien associé d'un des fondateurs",
  },
  {
    jurorEmail: 'zineb.hamdouchi@jury.example',
    entrantName: 'Skill Derb',
    reason: 'Sa fondation a subventionné le projet en 2022',
  },
];

// ---------------------------------------------------------------------------------------------
// Round 1 (shortlist) scores: deterministic, seeded
// ---------------------------------------------------------------------------------------------

/** Tiny seeded PRNG (mulberry32): returns a function yielding floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Approximately standard normal noise (Irwin–Hall of 4 uniforms): plain arithmetic only. */
function gaussian(rand: () => number): number {
  return (rand() + rand() + rand() + rand() - 2) * Math.sqrt(3);
}

const ROUND1_SEED = 20230613;

/** Latent quality (on the 1–10 scale) of each entrant: a clear top group, a middle, a tail. */
const latentQuality: Record<string, number> = {
  // top group
  'Madar Water': 8.3,
  'Mama Care Link': 8.1,
  'Shams Rooftop': 7.9,
  'Baladiya Track': 7.7,
  'Tobis Live': 7.6,
  "Recycl'Ma": 7.4,
  // middle
  'Skill Derb': 7.0,
  'Lumina Derb': 6.8,
  'Majliss Open': 6.7,
  'Sahti Queue': 6.5,
  'Dar Tadamon': 6.4,
  'Green Derb': 6.2,
  'DocuMairie': 6.0,
  'Inclusi Map': 5.9,
  'Qoffa Go': 5.8,
  'GridNa': 5.6,
  'Civiq Data': 5.5,
  // tail
  'Compost Lbled': 5.2,
  'Sawt Lhay': 5.0,
  'Pont Sense': 4.9,
  'Hay Kids Lab': 4.8,
  'AirCasa Sense': 4.7,
  'Parki Casa': 4.5,
  'Bab Pay': 4.3,
};

/** Per-juror severity offset: one harsh juror, one lenient, the others close to neutral. */
const jurorSeverity: Record<string, number> = {
  'karima.benslimane@jury.example': 0.1,
  'hassan.ouakrim@jury.example': -1.5,
  'laila.fassifihri@jury.example': -0.3,
  'mehdi.chaoui@jury.example': 0.2,
  'sophie.marchand@jury.example': 1.0,
  'abdelilah.rhazi@jury.example': -0.2,
  'zineb.hamdouchi@jury.example': 0.3,
  'omar.sefrioui@jury.example': -0.1,
};

/**
 * Round-1 score sheets: every juror scores every entrant except where a conflict is declared.
 * Score = latent quality + entrant's per-criterion profile + juror severity + noise, rounded and
 * clamped to 1..10. The same sheets come back on every call.
 */
export function demoRound1Scores(): DemoScoreSheet[] {
  const rand = mulberry32(ROUND1_SEED);
  const codes = demoCriteria.map((c) => c.code);

  // Each entrant is stronger on some criteria than others, consistently across jurors.
  const profile = new Map<string, Record<CriterionCode, number>>();
  for (const entrant of demoEntrants) {
    const p = {} as Record<CriterionCode, number>;
    for (const code of codes) p[code] = 0.7 * gaussian(rand);
    profile.set(entrant.name, p);
  }

  const conflicted = new Set(demoConflicts.map((c) => `${c.jurorEmail}\u0000${c.entrantName}`));
  const sheets: DemoScoreSheet[] = [];
  for (const juror of demoJurors) {
    const severity = jurorSeverity[juror.email] ?? 0;
    for (const entrant of demoEntrants) {
      const quality = latentQuality[entrant.name] ?? 6;
      const p = profile.get(entrant.name);
      const scores = {} as Record<CriterionCode, number>;
      for (const code of codes) {
        // Draw even for conflicted pairs so that the other sheets do not depend on the conflicts.
        const raw = quality + (p?.[code] ?? 0) + severity + 0.8 * gaussian(rand);
        scores[code] = Math.min(10, Math.max(1, Math.round(raw)));
      }
      if (conflicted.has(`${juror.email}\u0000${entrant.name}`)) continue;
      sheets.push({ jurorEmail: juror.email, entrantName: entrant.name, scores });
    }
  }
  return sheets;
}
