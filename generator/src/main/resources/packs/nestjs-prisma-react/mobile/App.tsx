import { useState } from 'react';
import { FlatList, Pressable, SafeAreaView, StyleSheet, Text, View } from 'react-native';

/** A shell for {app.title}: the entities of the app, each opening its list from the API. */
const ENTITIES = [
{#for e in app.entities}
  { name: '{e.name}', label: '{e.pluralLabel}', route: '{e.names.pluralKebab}' },
{/for}
];

const API_URL = process.env.EXPO_PUBLIC_API_URL ?? 'http://localhost:3000';

export default function App() {
  const [selected, setSelected] = useState<string | null>(null);
  const [rows, setRows] = useState<{ id: string }[]>([]);

  const open = async (route: string) => {
    setSelected(route);
    const token = process.env.EXPO_PUBLIC_API_TOKEN ?? '';
    const response = await fetch(API_URL + '/' + route + '?pageSize=50', { headers: { authorization: 'Bearer ' + token } });
    setRows(response.ok ? ((await response.json()) as { items: { id: string }[] }).items : []);
  };

  return (
    <SafeAreaView style={ styles.screen }>
      <Text style={ styles.title }>{app.title}</Text>
      <FlatList
        data={ ENTITIES }
        keyExtractor={ (e) => e.name }
        renderItem={ ({ item }) => (
          <Pressable style={ styles.item } onPress={ () => void open(item.route) }>
            <Text>{ item.label }</Text>
          </Pressable>
        ) }
      />
      { selected && (
        <View>
          <Text style={ styles.title }>{ selected } ({ rows.length })</Text>
          { rows.map((r) => (
            <Text key={ r.id }>{ r.id }</Text>
          )) }
        </View>
      ) }
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1, padding: 16 },
  title: { fontSize: 20, fontWeight: '600', marginVertical: 8 },
  item: { paddingVertical: 12, borderBottomWidth: StyleSheet.hairlineWidth },
});
