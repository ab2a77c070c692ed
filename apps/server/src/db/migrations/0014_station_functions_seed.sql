-- The "315" catalogue of Changzhou's 龙城先锋 red stations (DOMAIN.md §6–7): 15 functions under five
-- groups. The article names the groups, not the 15; these are drawn from what it says the stations do.
-- Admins edit them afterwards.
INSERT INTO station_functions (id, group_key, name, description, sort) VALUES
  ('member_identity', 'image', '党员亮身份', '窗口党员佩戴党徽、设党员示范岗', 10),
  ('notice_board', 'image', '党员公示栏', '公示驿站党员、服务项目和承诺', 20),
  ('model_studio', 'image', '党员劳模工作室', '展示先进事迹，带徒传艺', 30),
  ('grid_docking', 'resources', '融入社区网格', '驿站党员进网格，对接社区治理', 40),
  ('partner_linkage', 'resources', '共建资源联动', '联合社区、学校、派出所、医院等共建单位', 50),
  ('contact_card', 'resources', '便民联系卡', '发放便民联系卡，有事找邮政', 60),
  ('theme_day', 'activities', '主题党日', '与社区党组织联合开展主题党日', 70),
  ('volunteer_team', 'activities', '“驿路阳光”志愿服务', '以窗口党员为骨干、营业员为主体的志愿服务队', 80),
  ('civic_practice', 'activities', '文明实践', '文明创建、垃圾分类、环境整治', 90),
  ('live_classroom', 'education', '实境课堂', '集邮党课、红色故事进驿站', 100),
  ('moral_lecture', 'education', '道德讲堂', '宣传文明新风、宣讲先进人物事迹', 110),
  ('policy_outreach', 'education', '政策与反诈宣传', '政策宣讲、反诈宣传、垃圾分类宣传', 120),
  ('outdoor_rest', 'service', '户外劳动者歇脚点', '休息、热水、饭菜加热、报刊阅读、手机充电、无线上网', 130),
  ('agency_services', 'service', '便民代办', '交管业务、警邮、税邮、电动车免费上牌、不动产登记', 140),
  ('convenience_items', 'service', '惠民便利', '物品暂存、包裹自提，借用雨伞、小药箱、工具箱', 150)
ON CONFLICT (id) DO NOTHING;
