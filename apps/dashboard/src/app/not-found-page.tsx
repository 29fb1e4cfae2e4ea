import { Anchor, Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <Center h="100%">
      <Stack align="center" gap="xs">
        <Text>{t('common.notFound')}</Text>
        <Anchor component={Link} to="/">
          {t('common.backHome')}
        </Anchor>
      </Stack>
    </Center>
  );
};
