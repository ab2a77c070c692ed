import { Drawer, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@youshe/shared';
import { AppointmentsList } from '../coverage/AppointmentsList';

/** One person's posts in other organisations (交叉任职), from their row in the people list. */
export function PersonAppointmentsDrawer({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={person !== null}
      onClose={onClose}
      title={person ? t('coverage.appointmentsOf', { name: person.name }) : ''}
      size={screens.md === false ? '100%' : 760}
      destroyOnHidden
      data-testid="person-appointments"
    >
      {person && <AppointmentsList person={{ id: person.id, name: person.name }} hint={t('coverage.personAppointmentsHint')} />}
    </Drawer>
  );
}
