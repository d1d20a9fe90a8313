// Legal texts the portal cites: the articles of 《中华人民共和国政府信息公开条例》 (国务院令第711号,
// in force 2019-05-15) and the few other documents named below. One home for both the
// proactive-disclosure review (which records why an item is withheld) and the replies to
// requests (which print the provision), so a citation cannot drift between the two.
// Entries with `check: true` were not confirmed against an official original and must be
// verified before they are printed on a formal reply.
export type LegalBasis = {
  /** Short citation, e.g. "《条例》第十四条". */
  citation: string;
  /** The provision's text (or the relevant part of it). */
  text: string;
  check?: boolean;
};

export const REGULATION_TITLE = "《中华人民共和国政府信息公开条例》";

const art = (n: string, text: string, check?: boolean): LegalBasis => ({
  citation: `${REGULATION_TITLE}第${n}`,
  text,
  ...(check ? { check } : {}),
});

export const LEGAL_BASIS = {
  ART_14: art(
    "十四条",
    "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。",
  ),
  ART_15: art(
    "十五条",
    "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。",
  ),
  ART_16_1: art("十六条第一款", "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。"),
  ART_16_2: art(
    "十六条第二款",
    "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。",
  ),
  ART_30: art(
    "三十条",
    "政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请。",
  ),
  ART_35: art(
    "三十五条",
    "申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。行政机关认为申请理由不合理的，告知申请人不予处理；行政机关认为申请理由合理，但是无法在本条例第三十三条规定的期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。",
  ),
  ART_36_1: art("三十六条第（一）项", "所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径；"),
  ART_36_2: art("三十六条第（二）项", "所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间；"),
  ART_36_3: art("三十六条第（三）项", "行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由；"),
  ART_36_4: art("三十六条第（四）项", "经检索没有所申请公开信息的，告知申请人该政府信息不存在；"),
  ART_36_5: art(
    "三十六条第（五）项",
    "所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式；",
  ),
  ART_36_6: art(
    "三十六条第（六）项",
    "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予重复处理；",
  ),
  ART_36_7: art(
    "三十六条第（七）项",
    "所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，告知申请人依照有关法律、行政法规的规定办理。",
  ),
  ART_37: art(
    "三十七条",
    "申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，行政机关应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由。",
  ),
  ART_38: art(
    "三十八条",
    "行政机关向申请人提供的信息，应当是已制作或者获取的政府信息。除依照本条例第三十七条的规定能够作区分处理的外，需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供。",
  ),
  ART_39_1: art(
    "三十九条第一款",
    "申请人以政府信息公开申请的形式进行信访、投诉、举报等活动，行政机关应当告知申请人不作为政府信息公开申请处理并可以告知通过相应渠道提出。",
  ),
  ART_39_2: art("三十九条第二款", "申请人提出的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物的，行政机关可以告知获取的途径。"),
  CONFIRM_OR_REISSUE: {
    citation: "《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
    text: "申请人要求行政机关确认或者重新出具已获取的信息的，不属于政府信息公开申请，行政机关不予处理。",
    check: true,
  },
  FEE_UNPAID: {
    citation: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    text: "申请人应当在收到收费通知的次日起20个工作日内缴纳费用，逾期未缴纳的视为放弃申请，行政机关不再处理该政府信息公开申请。",
    check: true,
  },
} as const satisfies Record<string, LegalBasis>;

export type LegalBasisKey = keyof typeof LEGAL_BASIS;
