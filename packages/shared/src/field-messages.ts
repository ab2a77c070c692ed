import type { Locale } from './errors.js';

/** One problem with one field, as the API reports it and forms show it beside the field. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

type Dict = Record<string, string>;

const CUSTOM: Record<Locale, Dict> = {
  'zh-CN': {
    phone_format: '手机号格式不正确，应为 11 位数字，以 1 开头',
    id_number_format: '身份证号格式不正确，应为 18 位',
    no_control_chars: '不能包含控制字符',
    password_too_short: '新密码至少 10 个字符',
    current_password_wrong: '当前密码不正确',
    parent_archived: '上级单位已归档',
    move_into_own_subtree: '不能移到自己或自己的下级单位之下',
    login_taken: '该登录名已被使用',
    login_format: '登录名为 3–32 位小写字母、数字、点、下划线或连字符',
    role_above_own: '不能授予高于自己的角色',
    person_has_account: '此人已关联其他账号',
    grant_exists: '该账号已有这个角色',
    not_an_image: '这不是图片文件，请选择 JPG、PNG 或 WebP 照片',
    photo_too_large: '照片太大，单张不能超过 10 MB',
    too_many_photos: '每个活动最多 30 张照片',
    file_required: '请选择一张照片',
    proof_required: '请确认受助人已认可，或写明完成的凭据',
    already_claimed: '已经有人认领了',
    need_not_open: '这条需求已对接或已关闭',
    zone_taken: '这个网点已有党员负责，请先结束原责任区',
    answer_out_of_range: '答案不在选项之中',
    already_renewed: '这份协议已经续签过了',
    pdf_font_missing: '服务器未安装中文字体，无法生成 PDF（请安装 fonts-wqy-microhei 或设置 PDF_FONT）',
    answers_count: '请回答全部题目',
    quiz_not_open: '问答尚未开始或已经结束',
    already_drawn: '已经抽过奖了，结果已记录',
    quiz_locked: '问答开始后题目不能再改',
    not_party_member: '责任区须由党员负责',
    not_an_outlet: '责任区只能是没有党员的网点',
    consent_required: '请阅读并同意个人信息使用说明',
    outcome_required: '关闭活动前请填写此项成效数据',
    signup_closed: '本活动目前不接受报名',
    checkin_closed: '本活动目前不能签到',
    not_confirmed: '您还没有确认的名额，请联系工作人员',
    offer_not_open: '这个名额已过保留时间或已被取消',
    ends_before_start: '结束时间不能早于开始时间',
    capacity_below_taken: '名额不能少于已报名人数',
    unknown_kind: '没有这种活动类型',
    not_editable: '活动已结束或取消，不能再修改',
    transition_not_allowed: '当前状态下不能进行此操作',
  },
  'zh-TW': {
    phone_format: '手機號碼格式不正確，應為 11 位數字，以 1 開頭',
    id_number_format: '身分證號格式不正確，應為 18 位',
    no_control_chars: '不能包含控制字元',
    password_too_short: '新密碼至少 10 個字元',
    current_password_wrong: '目前密碼不正確',
    parent_archived: '上級單位已封存',
    move_into_own_subtree: '不能移到自己或自己的下級單位之下',
    login_taken: '該登入名稱已被使用',
    login_format: '登入名稱為 3–32 位小寫字母、數字、點、底線或連字號',
    role_above_own: '不能授予高於自己的角色',
    person_has_account: '此人已關聯其他帳號',
    grant_exists: '該帳號已有這個角色',
    not_an_image: '這不是圖片檔案，請選擇 JPG、PNG 或 WebP 相片',
    photo_too_large: '相片太大，單張不能超過 10 MB',
    too_many_photos: '每個活動最多 30 張相片',
    file_required: '請選擇一張相片',
    proof_required: '請確認受助人已認可，或寫明完成的憑據',
    already_claimed: '已經有人認領了',
    need_not_open: '這條需求已對接或已關閉',
    zone_taken: '這個網點已有黨員負責，請先結束原責任區',
    answer_out_of_range: '答案不在選項之中',
    already_renewed: '這份協議已經續簽過了',
    pdf_font_missing: '伺服器未安裝中文字型，無法產生 PDF（請安裝 fonts-wqy-microhei 或設定 PDF_FONT）',
    answers_count: '請回答全部題目',
    quiz_not_open: '問答尚未開始或已經結束',
    already_drawn: '已經抽過獎了，結果已記錄',
    quiz_locked: '問答開始後題目不能再改',
    not_party_member: '責任區須由黨員負責',
    not_an_outlet: '責任區只能是沒有黨員的網點',
    consent_required: '請閱讀並同意個人資料使用說明',
    outcome_required: '關閉活動前請填寫此項成效數據',
    signup_closed: '本活動目前不接受報名',
    checkin_closed: '本活動目前不能簽到',
    not_confirmed: '您還沒有確認的名額，請聯絡工作人員',
    offer_not_open: '這個名額已過保留時間或已被取消',
    ends_before_start: '結束時間不能早於開始時間',
    capacity_below_taken: '名額不能少於已報名人數',
    unknown_kind: '沒有這種活動類型',
    not_editable: '活動已結束或取消，不能再修改',
    transition_not_allowed: '目前狀態下不能進行此操作',
  },
  en: {
    phone_format: 'Not a valid mobile number: 11 digits starting with 1',
    id_number_format: 'Not a valid ID number: 18 characters',
    no_control_chars: 'Must not contain control characters',
    password_too_short: 'The new password needs at least 10 characters',
    current_password_wrong: 'The current password is wrong',
    parent_archived: 'The parent unit is archived',
    move_into_own_subtree: 'A unit cannot move under itself or its own sub-units',
    login_taken: 'This login is already taken',
    login_format: 'A login is 3–32 lowercase letters, digits, dots, underscores or hyphens',
    role_above_own: 'You cannot grant a role above your own',
    person_has_account: 'This person already has another account',
    grant_exists: 'The account already holds this role',
    not_an_image: 'This is not an image; choose a JPG, PNG or WebP photo',
    photo_too_large: 'The photo is too large: 10 MB at most',
    too_many_photos: 'An activity holds 30 photos at most',
    file_required: 'Choose a photo',
    proof_required: 'Confirm the beneficiary agreed, or say what proves it was done',
    already_claimed: 'Someone has already claimed this',
    need_not_open: 'This need is already matched or closed',
    zone_taken: 'A member already covers this outlet; end that zone first',
    answer_out_of_range: 'The answer is not one of the options',
    already_renewed: 'This agreement has already been renewed',
    pdf_font_missing: 'The server has no Chinese font for PDFs (install fonts-wqy-microhei or set PDF_FONT)',
    answers_count: 'Please answer every question',
    quiz_not_open: 'The quiz has not started or is over',
    already_drawn: 'The prizes have been drawn; the result is on record',
    quiz_locked: 'Questions cannot change once the quiz has started',
    not_party_member: 'A responsibility zone is covered by a party member',
    not_an_outlet: 'A responsibility zone is an outlet without a member of its own',
    consent_required: 'Please read and accept how your details are used',
    outcome_required: 'Fill in this outcome figure before closing',
    signup_closed: 'This activity is not taking sign-ups now',
    checkin_closed: 'Check-in is not open for this activity now',
    not_confirmed: 'You do not have a confirmed place yet; please ask the staff',
    offer_not_open: 'This place is no longer held for you',
    ends_before_start: 'The end cannot be before the start',
    capacity_below_taken: 'Capacity cannot be below the places already taken',
    unknown_kind: 'No such activity kind',
    not_editable: 'The activity is closed or cancelled and can no longer change',
    transition_not_allowed: 'Not possible in the current state',
  },
};

const GENERIC: Record<Locale, Dict> = {
  'zh-CN': {
    required: '必填',
    invalid_type: '类型不正确',
    empty: '不能为空',
    too_short: '至少 {n} 个字符',
    too_long: '最多 {n} 个字符',
    too_small: '不能小于 {n}',
    too_big: '不能大于 {n}',
    too_few: '至少选择 {n} 项',
    too_many: '最多选择 {n} 项',
    invalid_format: '格式不正确',
    unrecognized_keys: '不允许的字段：{keys}',
    invalid_value: '取值无效',
  },
  'zh-TW': {
    required: '必填',
    invalid_type: '類型不正確',
    empty: '不能為空',
    too_short: '至少 {n} 個字元',
    too_long: '最多 {n} 個字元',
    too_small: '不能小於 {n}',
    too_big: '不能大於 {n}',
    too_few: '至少選擇 {n} 項',
    too_many: '最多選擇 {n} 項',
    invalid_format: '格式不正確',
    unrecognized_keys: '不允許的欄位：{keys}',
    invalid_value: '取值無效',
  },
  en: {
    required: 'Required',
    invalid_type: 'Wrong type',
    empty: 'Must not be empty',
    too_short: 'At least {n} characters',
    too_long: 'At most {n} characters',
    too_small: 'Must be at least {n}',
    too_big: 'Must be at most {n}',
    too_few: 'Choose at least {n}',
    too_many: 'Choose at most {n}',
    invalid_format: 'Wrong format',
    unrecognized_keys: 'Fields not allowed: {keys}',
    invalid_value: 'Not an allowed value',
  },
};

const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** Turns a zod issue (code, its params and the raw message) into a sentence in the caller's language. */
export function fieldMessage(locale: Locale, code: string, params: Record<string, unknown>, rawMessage: string): string {
  const custom = CUSTOM[locale][rawMessage];
  if (custom) return custom;
  const g = GENERIC[locale];
  const origin = params.origin as string | undefined;
  const n = (params.minimum ?? params.maximum) as number | undefined;
  switch (code) {
    case 'invalid_type':
      return /received undefined/.test(rawMessage) ? g.required! : g.invalid_type!;
    case 'too_small':
      if (origin === 'string') return n === 1 ? g.empty! : fill(g.too_short!, { n: n ?? 0 });
      if (origin === 'array') return fill(g.too_few!, { n: n ?? 0 });
      return fill(g.too_small!, { n: n ?? 0 });
    case 'too_big':
      if (origin === 'string') return fill(g.too_long!, { n: n ?? 0 });
      if (origin === 'array') return fill(g.too_many!, { n: n ?? 0 });
      return fill(g.too_big!, { n: n ?? 0 });
    case 'invalid_format':
      return g.invalid_format!;
    case 'unrecognized_keys':
      return fill(g.unrecognized_keys!, { keys: ((params.keys as string[]) ?? []).join(', ') });
    default:
      return g.invalid_value!;
  }
}
