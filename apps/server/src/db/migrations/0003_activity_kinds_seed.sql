-- The activity kinds of DOMAIN.md §5, with the outcome figures each records. Admins edit them afterwards.
INSERT INTO activity_kinds (id, name, outcome_fields, sort) VALUES
  ('party_lesson', '党课', '[{"key": "people_served", "required": true}]'::jsonb, 0),
  ('stamp_party_lesson', '集邮党课', '[{"key": "people_served", "required": true}]'::jsonb, 10),
  ('theme_party_day', '主题党日', '[{"key": "people_served", "required": false}]'::jsonb, 20),
  ('oath_renewal', '重温入党誓词', '[{"key": "people_served", "required": false}]'::jsonb, 30),
  ('reading_session', '读书会', '[{"key": "people_served", "required": false}]'::jsonb, 40),
  ('knowledge_contest', '知识竞赛', '[{"key": "people_served", "required": true}]'::jsonb, 50),
  ('welfare_visit', '走访慰问', '[{"key": "households_visited", "required": true}, {"key": "value_donated_fen", "required": false}]'::jsonb, 60),
  ('convenience_service', '便民服务', '[{"key": "people_served", "required": true}]'::jsonb, 70),
  ('anti_fraud', '反诈宣传', '[{"key": "people_served", "required": true}, {"key": "materials_handed_out", "required": false}]'::jsonb, 80),
  ('lecture', '健康·金融·急救讲座', '[{"key": "people_served", "required": true}]'::jsonb, 90),
  ('performance', '文艺演出', '[{"key": "people_served", "required": false}]'::jsonb, 100),
  ('parent_child', '亲子活动', '[{"key": "people_served", "required": false}]'::jsonb, 110),
  ('donation', '爱心捐赠', '[{"key": "value_donated_fen", "required": true}]'::jsonb, 120),
  ('blood_donation', '无偿献血', '[{"key": "blood_donors", "required": true}]'::jsonb, 130),
  ('epidemic_duty', '防疫值守', '[{"key": "people_served", "required": false}]'::jsonb, 140),
  ('moral_lecture', '道德讲堂', '[{"key": "people_served", "required": false}]'::jsonb, 150),
  ('elderly_outing', '老人出游', '[{"key": "people_served", "required": true}]'::jsonb, 160),
  ('business', '党建+业务', '[{"key": "sales_fen", "required": false}, {"key": "new_customers", "required": false}, {"key": "subscriptions", "required": false}]'::jsonb, 170)
ON CONFLICT (id) DO NOTHING;
